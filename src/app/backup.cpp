#include "app/backup.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <cctype>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <vector>

#include "app/application.h"
#include "app/commands.h"
#include "core/clock.h"
#include "security/audit_anchor.h"
#include "security/digest.h"
#include "store/migrations.h"
#include "store/sqlite_connection.h"

namespace wagelink::app {
namespace {

namespace fs = std::filesystem;

constexpr int kFormat = 1;
constexpr const char* kManifest = "manifest.json";
constexpr const char* kSqliteCopy = "database.sqlite3";
constexpr const char* kPostgresDump = "database.pgdump";
constexpr const char* kAnchors = "audit-anchors.jsonl";

Error BackupError(const std::string& zh, const std::string& en) {
  return MakeError(ErrorCode::kServiceUnavailable, "备份/恢复失败：" + zh, "backup/restore failed: " + en, "backup");
}

bool IsSqlite(const std::string& url) { return url.starts_with("sqlite:"); }
std::string SqlitePath(const std::string& url) { return url.substr(url.starts_with("sqlite://") ? 9 : 7); }

// The tables of the database's own schema. Their names come from the catalog, not from input, and
// are checked to be plain identifiers before they are spliced into a COUNT (names cannot be bound).
std::vector<std::string> TableNames(store::Connection& c) {
  const char* sql = c.dialect() == store::Dialect::kSqlite
                        ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
                        : "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename";
  std::vector<std::string> names;
  for (const auto& row : c.Query(sql)) {
    const std::string& name = row.Text(0);
    bool plain = !name.empty();
    for (char ch : name) plain = plain && (std::islower(static_cast<unsigned char>(ch)) || std::isdigit(static_cast<unsigned char>(ch)) || ch == '_');
    if (plain) names.push_back(name);
  }
  return names;
}

std::map<std::string, long long> RowCounts(store::Connection& c) {
  std::map<std::string, long long> counts;
  for (const auto& table : TableNames(c)) counts[table] = c.QueryOne("SELECT COUNT(*) FROM " + table)->Int(0);
  return counts;
}

std::int64_t AuditHead(store::Connection& c) {
  auto row = c.QueryOne("SELECT COALESCE(MAX(seq), 0) FROM audit_log");
  return row ? row->Int(0) : 0;
}

// Runs a PostgreSQL client tool (pg_dump, pg_restore) to completion; its messages go to `log`.
Status RunTool(const std::vector<std::string>& args, const std::string& log) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  std::vector<std::string> owned = args;
  std::vector<char*> argv;
  for (auto& a : owned) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = -1;
  const int error = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (error != 0) {
    return BackupError("无法运行 " + args[0] + "（请安装 postgresql-client-15）",
                       "cannot run " + args[0] + " (install postgresql-client-15): " + std::strerror(error));
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return Ok{};
  const std::string output = ReadTextFile(log).value_or("");
  return BackupError(args[0] + " 出错：" + output, args[0] + " failed: " + output);
}

// The anchor file's lines that vouch for entries the snapshot holds: anchors published after the
// snapshot would make the restored log look truncated.
std::string AnchorsUpTo(const std::string& anchor_file, std::int64_t head) {
  std::ifstream in(anchor_file);
  std::string kept, line;
  while (std::getline(in, line)) {
    auto anchors = security::ParseAnchors(line + "\n", anchor_file);
    if (anchors && !anchors->empty() && anchors->front().seq <= head) kept += line + "\n";
  }
  return kept;
}

boost::json::object FileEntry(const fs::path& folder, const std::string& name) {
  return {{"name", name},
          {"bytes", static_cast<std::int64_t>(fs::file_size(folder / name))},
          {"sha256", security::Sha256HexOfFile((folder / name).string()).value_or("")}};
}

std::string TimestampForName(UnixSeconds now) {
  std::string iso = FormatUtc(now);  // 2026-12-04T03:13:34Z
  std::string out;
  for (char ch : iso) {
    if (ch != '-' && ch != ':') out += ch;
  }
  return out;
}

Status WriteFile(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) return BackupError("无法写入 " + path.string(), "cannot write " + path.string());
  return Ok{};
}

}  // namespace

Result<std::string> MakeBackup(const Config& config, const std::string& parent_dir) {
  SystemClock clock;
  const UnixSeconds now = clock.Now();
  const fs::path parent(parent_dir);
  const fs::path final_folder = parent / ("wagelink-backup-" + TimestampForName(now));
  const fs::path partial = parent / ("." + final_folder.filename().string() + ".partial");
  std::error_code ec;
  fs::create_directories(partial, ec);
  if (ec || fs::exists(final_folder)) {
    return BackupError("无法创建备份目录 " + final_folder.string(), "cannot create " + final_folder.string());
  }
  fs::permissions(partial, fs::perms::owner_all, ec);
  auto cleanup = [&] { fs::remove_all(partial, ec); };

  boost::json::object manifest{{"format", kFormat}, {"created_at", FormatUtc(now)}, {"wagelink_version", "0.1.0"}};
  std::map<std::string, long long> counts;
  std::int64_t head = 0;
  std::vector<std::string> files;
  try {
    if (IsSqlite(config.database_url)) {
      if (auto copied = store::SqliteOnlineBackup(SqlitePath(config.database_url), (partial / kSqliteCopy).string());
          !copied) {
        cleanup();
        return copied.error();
      }
      auto copy = store::Connect("sqlite:" + (partial / kSqliteCopy).string());
      if (!copy) {
        cleanup();
        return copy.error();
      }
      counts = RowCounts(**copy);
      head = AuditHead(**copy);
      manifest["schema_version"] = store::ReadMigrationStatus(**copy).current_version;
      manifest["database"] = "sqlite";
      files.push_back(kSqliteCopy);
    } else {
      auto live = store::Connect(config.database_url);
      if (!live) {
        cleanup();
        return live.error();
      }
      // pg_dump reads the snapshot this transaction exported, so the dump, the counts and the audit
      // head are of the same moment while the server keeps writing.
      (*live)->ExecuteScript("BEGIN ISOLATION LEVEL REPEATABLE READ");
      const std::string snapshot = (*live)->QueryOne("SELECT pg_export_snapshot()")->Text(0);
      counts = RowCounts(**live);
      head = AuditHead(**live);
      manifest["schema_version"] = store::ReadMigrationStatus(**live).current_version;
      manifest["database"] = "postgresql";
      auto dumped = RunTool({"pg_dump", "--format=custom", "--no-owner", "--no-privileges", "--snapshot=" + snapshot,
                             "--file", (partial / kPostgresDump).string(), "--dbname", config.database_url},
                            (partial / "pg_dump.log").string());
      (*live)->ExecuteScript("COMMIT");
      fs::remove(partial / "pg_dump.log", ec);
      if (!dumped) {
        cleanup();
        return dumped.error();
      }
      files.push_back(kPostgresDump);
    }
  } catch (const store::DatabaseError& e) {
    cleanup();
    return BackupError(e.what(), e.what());
  }
  if (auto written = WriteFile(partial / kAnchors, AnchorsUpTo(config.audit_anchor_file, head)); !written) {
    cleanup();
    return written.error();
  }
  files.push_back(kAnchors);

  boost::json::array entries;
  for (const auto& name : files) entries.push_back(FileEntry(partial, name));
  boost::json::object rows;
  for (const auto& [table, n] : counts) rows[table] = n;
  manifest["audit_head"] = head;
  manifest["files"] = std::move(entries);
  manifest["rows"] = std::move(rows);
  if (auto written = WriteFile(partial / kManifest, boost::json::serialize(manifest) + "\n"); !written) {
    cleanup();
    return written.error();
  }
  fs::rename(partial, final_folder, ec);
  if (ec) {
    cleanup();
    return BackupError("无法完成备份目录", "cannot finish the backup folder: " + ec.message());
  }
  return final_folder.string();
}

Result<RestoreReport> RestoreBackup(const Config& config, const std::string& folder_text) {
  const fs::path folder(folder_text);
  auto manifest_text = ReadTextFile((folder / kManifest).string());
  if (!manifest_text) return BackupError("找不到 " + (folder / kManifest).string(), "no manifest in " + folder.string());
  boost::system::error_code parse_error;
  auto parsed = boost::json::parse(*manifest_text, parse_error);
  if (parse_error || !parsed.is_object() || !parsed.as_object().contains("files") ||
      parsed.as_object().at("format") != kFormat) {
    return BackupError("备份清单无法识别", "the manifest is not a WageLink backup manifest");
  }
  const auto& manifest = parsed.as_object();
  // Every file as the manifest recorded it, before anything is touched.
  for (const auto& entry : manifest.at("files").as_array()) {
    const std::string name(entry.at("name").as_string());
    const auto hash = security::Sha256HexOfFile((folder / name).string());
    if (!hash || *hash != entry.at("sha256").as_string()) {
      return BackupError("备份文件 " + name + " 缺失或已损坏（SHA-256 不符）",
                         "backup file " + name + " is missing or damaged (SHA-256 mismatch)");
    }
  }
  const bool sqlite_backup = manifest.at("database") == "sqlite";
  if (sqlite_backup != IsSqlite(config.database_url)) {
    return BackupError("备份与目标数据库类型不同", "the backup's database kind differs from the target's");
  }
  std::error_code ec;
  if (fs::exists(config.audit_anchor_file, ec)) {
    return BackupError("锚点文件 " + config.audit_anchor_file + " 已存在；请指定新的位置（旧文件须保留作证据）",
                       "anchor file " + config.audit_anchor_file + " exists; name a new one (keep the old one as evidence)");
  }
  RestoreReport report;
  try {
    {
      auto target = store::Connect(config.database_url);
      if (!target) return target.error();
      if (!TableNames(**target).empty()) {
        return BackupError("目标数据库不是空库，拒绝覆盖", "the target database is not empty; refusing to overwrite it");
      }
    }
    if (sqlite_backup) {
      if (auto copied = store::SqliteOnlineBackup((folder / kSqliteCopy).string(), SqlitePath(config.database_url));
          !copied) {
        return copied.error();
      }
    } else {
      const std::string log = (fs::temp_directory_path() / ("wagelink-restore-" + std::to_string(getpid()) + ".log")).string();
      auto restored = RunTool({"pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", "--dbname",
                               config.database_url, (folder / kPostgresDump).string()},
                              log);
      fs::remove(log, ec);
      if (!restored) return restored.error();
    }
    auto restored = store::Connect(config.database_url);
    if (!restored) return restored.error();
    const auto counts = RowCounts(**restored);
    for (const auto& [table, expected] : manifest.at("rows").as_object()) {
      auto found = counts.find(std::string(table));
      const long long got = found == counts.end() ? -1 : found->second;
      if (got != expected.as_int64()) {
        return BackupError("表 " + std::string(table) + " 的行数与备份清单不符",
                           "table " + std::string(table) + " has " + std::to_string(got) + " rows, the manifest " +
                               std::to_string(expected.as_int64()));
      }
      ++report.tables_checked;
      report.rows_checked += got;
    }
  } catch (const store::DatabaseError& e) {
    return BackupError(e.what(), e.what());
  }
  fs::create_directories(fs::path(config.audit_anchor_file).parent_path(), ec);
  fs::copy_file(folder / kAnchors, config.audit_anchor_file, ec);
  if (ec) return BackupError("无法写入锚点文件", "cannot write the anchor file: " + ec.message());
  // Applies newer migrations (a backup of an older release) and checks the log with the master key.
  SystemClock clock;
  auto app = Application::Open(config, clock, /*may_create_key=*/false);
  if (!app) return app.error();
  auto verdict = (*app)->VerifyAudit({});
  if (!verdict.ok) {
    return MakeError(ErrorCode::kConflict, "恢复后的审计日志未通过校验：" + verdict.reason_zh,
                     "the restored audit log does not verify: " + verdict.reason_en, "audit");
  }
  report.audit_entries_verified = verdict.entries_checked;
  return report;
}

int RunBackup(const Config& config, const std::string& parent_dir) {
  auto folder = MakeBackup(config, parent_dir);
  if (!folder) {
    std::cerr << "wagelink: " << folder.error().message_zh << "\n          " << folder.error().message_en << "\n";
    return 1;
  }
  std::cout << "备份完成 / backup written: " << *folder << "\n";
  return 0;
}

int RunRestore(const Config& config, const std::string& folder) {
  auto report = RestoreBackup(config, folder);
  if (!report) {
    std::cerr << "wagelink: " << report.error().message_zh << "\n          " << report.error().message_en << "\n";
    return report.error().code == ErrorCode::kConflict ? 3 : 1;
  }
  std::cout << "恢复完成并已核验 / restored and verified: " << report->tables_checked << " tables, "
            << report->rows_checked << " rows match the manifest; " << report->audit_entries_verified
            << " audit entries verified\n";
  return 0;
}

}  // namespace wagelink::app
