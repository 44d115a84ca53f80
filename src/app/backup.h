#pragma once
// `wagelink backup` and `wagelink restore` (docs/operations.md, "Backups and restore").
//
// A backup is a folder `wagelink-backup-<UTC time>` holding a consistent online copy of the
// database — SQLite's online backup API, or `pg_dump` in custom format under a snapshot exported by
// a repeatable-read transaction on PostgreSQL — the audit anchor file, and `manifest.json`: each
// file's size and SHA-256, the schema version and the row count of every table in the same
// snapshot. The folder is written under a temporary name and renamed when complete, so a backup cut
// short never looks like one. The master key is not in it: it is kept apart (docs/security.md).
//
// A restore checks every hash before it touches anything, refuses a target database that already
// has tables, loads the copy, applies any newer migrations, compares every table's row count with
// the manifest and verifies the audit log against the backup's own anchors.
#include <string>

#include "app/config.h"
#include "core/error.h"

namespace wagelink::app {

// Writes a backup of `config`'s database into a new folder under `parent_dir`; returns its path.
Result<std::string> MakeBackup(const Config& config, const std::string& parent_dir);

// What a restore checked, for the operator.
struct RestoreReport {
  int tables_checked = 0;
  long long rows_checked = 0;
  long long audit_entries_verified = 0;
};

// Restores the backup in `folder` into `config`'s (empty) database; the anchor file of the backup
// is written to `config.audit_anchor_file`, which must not exist yet.
Result<RestoreReport> RestoreBackup(const Config& config, const std::string& folder);

// The commands: exit 0 on success, 1 on an error, 3 when the restored copy fails verification.
int RunBackup(const Config& config, const std::string& parent_dir);
int RunRestore(const Config& config, const std::string& folder);

}  // namespace wagelink::app
