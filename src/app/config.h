#pragma once
// WageLink configuration: defaults < TOML file (--config) < WAGELINK_* environment < CLI flags.
// Every setting is documented in config/wagelink.example.toml. Loading validates everything and
// reports the first bad setting by its name, so an operator can fix it without reading code.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"

namespace wagelink::app {

struct Config {
  // [server]
  std::string address = "127.0.0.1";
  std::int64_t port = 8080;
  std::int64_t io_threads = 1;
  std::int64_t worker_threads = 8;
  std::int64_t max_connections = 1024;
  std::int64_t max_pending_requests = 512;
  std::int64_t read_timeout_ms = 15'000;
  std::int64_t idle_timeout_ms = 60'000;
  std::int64_t shutdown_grace_ms = 10'000;
  // [database]
  std::string database_url = "sqlite:var/wagelink.db";
  std::int64_t pool_size = 0;  // 0 = worker_threads
  // A PostgreSQL hot standby for the reads that tolerate lag (lists, dashboards, exports,
  // bulletins); "" = every read on database_url. services/read_your_writes.h keeps a session's own
  // writes visible to it.
  std::string standby_url;
  // How far behind the primary the standby may be and still serve those reads (its WAL receiver
  // running and caught up, or its last applied commit at most this old). An operations choice, not
  // a legal one: how stale a list or a dashboard may be.
  std::int64_t max_standby_lag_ms = 10'000;
  // [paths]
  // Empty: found from the binary's location (core/install_paths.h), not the current folder.
  std::string web_root;
  std::string data_dir;
  // [security]
  std::string key_file = "var/master.key";
  bool secure_cookies = false;  // true behind HTTPS: __Host- cookie with the Secure attribute
  // "sodium" | "sm" (security/crypto_suite.h). A database in use keeps the suite it was written
  // with until `wagelink crypto switch` moves it; the server refuses to start on a mismatch.
  std::string crypto_suite = "sodium";
  std::optional<std::string> master_key;  // WAGELINK_MASTER_KEY only (never from a file we parse)
  // [log]
  std::string log_level = "info";
  bool access_log = true;
  // [testing] — only for the test suite; never set in production
  bool test_hooks = false;
  bool fast_password_hashing = false;  // argon2id minimum cost, so test suites run fast
  bool run_jobs = true;                // [jobs] run_scheduled: the deadline sweep every minute
  // [webhook] — outbound SMS / WeChat gateway (docs/notifications.md); empty url = not sent
  std::string webhook_url;
  std::optional<std::string> webhook_secret;  // 64 hex chars; else derived from the master key
  std::int64_t webhook_poll_ms = 2'000;
  std::int64_t webhook_timeout_ms = 5'000;
  std::int64_t webhook_backoff_base_s = 10;
  std::int64_t webhook_backoff_max_s = 3'600;
  // [notifications] — live updates (Server-Sent Events)
  std::int64_t stream_poll_ms = 500;
  std::int64_t stream_heartbeat_ms = 15'000;
  std::int64_t max_streams = 256;
  std::int64_t reminder_working_days_before = 1;  // deadline reminder N working days before the last day (0 = off)
  bool remind_on_due_day = true;
  // [bulletins] periodic: the job issues last week's / month's / quarter's bulletin once each
  bool periodic_bulletins = true;
  // [meetings] regular_every_months: the job convenes a regular joint meeting in every block of
  // this many months (3 = quarterly, the minimum PRODUCT.md asks; 0 = off; must divide 12)
  std::int64_t regular_meeting_every_months = 3;
  // [server] load one client can cause (docs/security.md, "Load one client can cause")
  std::int64_t header_timeout_ms = 10'000;        // a request's header must arrive this soon (slowloris)
  std::int64_t max_connections_per_client = 64;   // per client address
  std::int64_t max_requests_per_client = 32;      // in flight per client address
  std::int64_t max_expensive_per_user = 2;        // PDF / XLSX / dashboard renderings at once per user
  std::vector<std::string> trusted_proxies;       // peers whose X-Forwarded-For (or PROXY line) names the client
  bool proxy_protocol = false;                    // trusted proxies open connections with a PROXY v1 line
  // [notifications]
  std::int64_t max_streams_per_user = 6;          // open live-update streams per user
  // [audit] — anchors of the audit log outside the database (docs/security.md, "Audit")
  std::string audit_anchor_file = "anchors/wagelink-audit.jsonl";  // keep outside var/ (the database)
  std::int64_t audit_checkpoint_every = 16;    // entries between signed checkpoints
  std::int64_t audit_anchor_interval_s = 60;   // sign the head and publish new anchors this often
  // [backup] — the scheduled `wagelink backup` (docs/operations.md, "Backups and restore")
  std::string backup_folder;                   // empty: no scheduled backup
  std::int64_t backup_every_hours = 24;
  std::int64_t backup_keep = 14;               // newest backups kept in the folder; older ones removed
  // [evidence] — evidence files (docs/evidence.md)
  std::string evidence_store = "disk";            // "disk" (content-addressed folder) or "database" (chunks)
  std::string evidence_dir = "var/evidence";      // the folder of the disk store
  std::string evidence_spool_dir = "var/spool";   // uploads in transit (encrypted, unlinked at once)
  std::int64_t evidence_max_image_mb = 20;        // per file, by the type its content shows
  std::int64_t evidence_max_video_mb = 1024;
  std::int64_t evidence_max_document_mb = 50;
  std::int64_t evidence_max_audio_mb = 200;
  // [monitoring] — GET /metrics (docs/operations.md, "Monitoring")
  std::string metrics_token_file;  // a file holding the scrape's bearer token; empty: /metrics answers 404
  std::string metrics_token;       // read from that file by LoadConfig (never from the TOML itself)
};

// Values given on the command line; unset ones leave the config as it is.
struct CommandLineOverrides {
  std::optional<std::string> address, database_url, web_root, data_dir, key_file, log_level;
  std::optional<std::int64_t> port;
  std::optional<std::string> anchor_file;
};

// `environment` is passed in (not read here) so tests control it.
Result<Config> LoadConfig(const std::optional<std::string>& toml_path, const std::map<std::string, std::string>& environment,
                          const CommandLineOverrides& overrides);

std::map<std::string, std::string> ProcessEnvironment();

}  // namespace wagelink::app
