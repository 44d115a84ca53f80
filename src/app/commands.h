#pragma once
// The subcommands of the `wagelink` executable. Each returns the process exit code.
#include <optional>
#include <string>
#include <vector>

#include "app/config.h"

namespace wagelink::app {

struct ServeOptions {
  std::optional<std::string> port_file;  // written with the bound port once listening (for --port 0)
  bool demo = false;                     // seed the demo district first when missing
};

int RunServe(const Config& config, const ServeOptions& options);
// `district_file`: a real district's file (bodies, liaisons, first accounts), or empty.
int RunInit(const Config& config, bool demo, const std::string& district_file = {});
int RunMigrate(const Config& config);
// Exit 0 when the log is intact, 3 when tampered (or the anchors cannot be checked).
int RunAuditVerify(const Config& config, const std::vector<std::string>& anchor_files);
// `wagelink crypto switch --to sodium|sm` (services/crypto_switch.h).
int RunCryptoSwitch(const Config& config, const std::string& target_suite);
// `wagelink sweep`: runs the deadline sweep once now and prints what it found and how long it took.
int RunSweep(const Config& config);
// `wagelink webhook-secret`: the webhook HMAC key (64 hex) to install at the gateway — the
// configured [webhook] secret, else the one derived from the master key.
int RunWebhookSecret(const Config& config);
// `wagelink assess`: one case as JSON on stdin → the crime-elements assessment on stdout; with
// `--db`, decided with the district's threshold figures from that database (case rules).
int RunAssess(const Config& config, bool from_database);
// `wagelink calendar add-working-days DATE N`: the date N working days after DATE, on the data/
// calendar with the statutory fallback, or with `from_database` (--db given) on the calendar in
// force in that database. Exit 4 (with a zh/en warning) when the answer is uncertain.
int RunAddWorkingDays(const Config& config, const std::string& date, int n, bool from_database);

// Reads a whole file; used for data/ reference files.
std::optional<std::string> ReadTextFile(const std::string& path);

}  // namespace wagelink::app
