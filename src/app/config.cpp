#include "app/config.h"

#include "core/install_paths.h"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <toml++/toml.h>

#include "http/client_address.h"
#include "security/crypto_suite.h"

extern char** environ;

namespace wagelink::app {
namespace {

Error Bad(const std::string& setting, const std::string& zh, const std::string& en);

// The scrape token: the file's first line, at least 32 characters of printable ASCII, so a token
// cannot be guessed and a stray newline or BOM does not make the monitoring fail mysteriously.
Result<std::string> ReadMetricsToken(const std::string& path) {
  std::ifstream file(path);
  std::string token;
  if (!file || !std::getline(file, token)) {
    return Bad("monitoring.metrics_token_file", "无法读取监控令牌文件", "cannot read the metrics token file");
  }
  while (!token.empty() && (token.back() == '\r' || token.back() == ' ')) token.pop_back();
  bool printable = std::all_of(token.begin(), token.end(), [](char ch) { return ch > ' ' && ch < 127; });
  if (token.size() < 32 || !printable) {
    return Bad("monitoring.metrics_token_file", "监控令牌应为至少 32 个可打印字符（不含空格）",
               "the metrics token must be at least 32 printable characters without spaces");
  }
  return token;
}

Error Bad(const std::string& setting, const std::string& zh, const std::string& en) {
  return MakeError(ErrorCode::kValidationFailed, "配置项 " + setting + " 无效：" + zh,
                   "invalid setting " + setting + ": " + en, setting);
}

template <class T>
Status ReadToml(const toml::table& root, const std::string& dotted, T& out) {
  auto node = root.at_path(dotted);
  if (!node) return Ok{};
  if constexpr (std::is_same_v<T, std::string>) {
    auto v = node.value<std::string>();
    if (!v) return Bad(dotted, "应为字符串", "must be a string");
    out = *v;
  } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
    const auto* list = node.as_array();
    if (!list) return Bad(dotted, "应为字符串数组", "must be an array of strings");
    out.clear();
    for (const auto& item : *list) {
      auto v = item.value<std::string>();
      if (!v) return Bad(dotted, "应为字符串数组", "must be an array of strings");
      out.push_back(*v);
    }
  } else if constexpr (std::is_same_v<T, bool>) {
    auto v = node.value<bool>();
    if (!v) return Bad(dotted, "应为 true 或 false", "must be true or false");
    out = *v;
  } else {
    auto v = node.value<std::int64_t>();
    if (!v || !node.is_integer()) return Bad(dotted, "应为整数", "must be an integer");
    out = *v;
  }
  return Ok{};
}

Status ReadEnvInt(const std::map<std::string, std::string>& env, const std::string& name, std::int64_t& out) {
  auto it = env.find(name);
  if (it == env.end()) return Ok{};
  std::int64_t value = 0;
  const std::string& text = it->second;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return Bad(name, "应为整数", "must be an integer");
  out = value;
  return Ok{};
}

Status CheckRange(const std::string& name, std::int64_t value, std::int64_t lo, std::int64_t hi) {
  if (value < lo || value > hi) {
    auto range = std::to_string(lo) + ".." + std::to_string(hi);
    return Bad(name, "取值范围为 " + range + "，实际为 " + std::to_string(value),
               "must be in " + range + ", got " + std::to_string(value));
  }
  return Ok{};
}

}  // namespace

std::map<std::string, std::string> ProcessEnvironment() {
  std::map<std::string, std::string> env;
  for (char** e = environ; e && *e; ++e) {
    std::string_view entry(*e);
    if (!entry.starts_with("WAGELINK_")) continue;
    auto eq = entry.find('=');
    if (eq != std::string_view::npos) env.emplace(entry.substr(0, eq), entry.substr(eq + 1));
  }
  return env;
}

Result<Config> LoadConfig(const std::optional<std::string>& toml_path, const std::map<std::string, std::string>& env,
                          const CommandLineOverrides& cli) {
  Config c;
  if (toml_path) {
    toml::table t;
    try {
      t = toml::parse_file(*toml_path);
    } catch (const toml::parse_error& err) {
      std::string where = *toml_path + ":" + std::to_string(err.source().begin.line);
      return MakeError(ErrorCode::kValidationFailed, "配置文件无法解析（" + where + "）：" + std::string(err.description()),
                       "cannot parse config file (" + where + "): " + std::string(err.description()), "config");
    }
    static const std::map<std::string, std::vector<std::string>> kKnown = {
        {"server", {"address", "port", "io_threads", "worker_threads", "max_connections", "max_pending_requests",
                    "read_timeout_ms", "idle_timeout_ms", "shutdown_grace_ms", "header_timeout_ms",
                    "max_connections_per_client", "max_requests_per_client", "max_expensive_per_user",
                    "trusted_proxies", "proxy_protocol"}},
        {"database", {"url", "pool_size", "standby_url", "max_standby_lag_ms"}},
        {"paths", {"web_root", "data_dir"}},
        {"security", {"key_file", "secure_cookies", "crypto_suite"}},
        {"log", {"level", "access_log"}},
        {"jobs", {"run_scheduled"}},
        {"webhook", {"url", "secret", "poll_interval_ms", "timeout_ms", "backoff_base_s", "backoff_max_s"}},
        {"bulletins", {"periodic"}},
        {"meetings", {"regular_every_months"}},
        {"notifications", {"stream_poll_ms", "stream_heartbeat_ms", "max_streams", "reminder_working_days_before",
                           "remind_on_due_day", "max_streams_per_user"}},
        {"audit", {"anchor_file", "checkpoint_every", "anchor_interval_s"}},
        {"backup", {"folder", "every_hours", "keep"}},
        {"evidence", {"store", "dir", "spool_dir", "max_image_mb", "max_video_mb", "max_document_mb", "max_audio_mb"}},
        {"monitoring", {"metrics_token_file"}},
        {"testing", {"test_hooks", "fast_password_hashing"}}};
    for (const auto& [section, node] : t) {
      std::string name(section.str());
      auto known = kKnown.find(name);
      if (known == kKnown.end() || !node.is_table()) return Bad(name, "未知的配置节", "unknown section");
      for (const auto& [key, value] : *node.as_table()) {
        if (std::find(known->second.begin(), known->second.end(), std::string(key.str())) == known->second.end()) {
          return Bad(name + "." + std::string(key.str()), "未知的配置项", "unknown setting");
        }
      }
    }
    if (auto secret = t.at_path("webhook.secret").value<std::string>()) c.webhook_secret = *secret;
    for (auto s : {ReadToml(t, "server.address", c.address), ReadToml(t, "server.port", c.port),
                   ReadToml(t, "server.io_threads", c.io_threads), ReadToml(t, "server.worker_threads", c.worker_threads),
                   ReadToml(t, "server.max_connections", c.max_connections),
                   ReadToml(t, "server.max_pending_requests", c.max_pending_requests),
                   ReadToml(t, "server.read_timeout_ms", c.read_timeout_ms),
                   ReadToml(t, "server.idle_timeout_ms", c.idle_timeout_ms),
                   ReadToml(t, "server.shutdown_grace_ms", c.shutdown_grace_ms),
                   ReadToml(t, "server.header_timeout_ms", c.header_timeout_ms),
                   ReadToml(t, "server.max_connections_per_client", c.max_connections_per_client),
                   ReadToml(t, "server.max_requests_per_client", c.max_requests_per_client),
                   ReadToml(t, "server.max_expensive_per_user", c.max_expensive_per_user),
                   ReadToml(t, "server.trusted_proxies", c.trusted_proxies),
                   ReadToml(t, "server.proxy_protocol", c.proxy_protocol),
                   ReadToml(t, "notifications.max_streams_per_user", c.max_streams_per_user),
                   ReadToml(t, "database.url", c.database_url), ReadToml(t, "database.pool_size", c.pool_size),
                   ReadToml(t, "database.standby_url", c.standby_url),
                   ReadToml(t, "database.max_standby_lag_ms", c.max_standby_lag_ms),
                   ReadToml(t, "paths.web_root", c.web_root), ReadToml(t, "paths.data_dir", c.data_dir),
                   ReadToml(t, "security.key_file", c.key_file),
                   ReadToml(t, "security.secure_cookies", c.secure_cookies),
                   ReadToml(t, "security.crypto_suite", c.crypto_suite), ReadToml(t, "log.level", c.log_level),
                   ReadToml(t, "log.access_log", c.access_log), ReadToml(t, "testing.test_hooks", c.test_hooks),
                   ReadToml(t, "testing.fast_password_hashing", c.fast_password_hashing),
                   ReadToml(t, "jobs.run_scheduled", c.run_jobs), ReadToml(t, "webhook.url", c.webhook_url),
                   ReadToml(t, "webhook.poll_interval_ms", c.webhook_poll_ms),
                   ReadToml(t, "webhook.timeout_ms", c.webhook_timeout_ms),
                   ReadToml(t, "webhook.backoff_base_s", c.webhook_backoff_base_s),
                   ReadToml(t, "webhook.backoff_max_s", c.webhook_backoff_max_s),
                   ReadToml(t, "notifications.stream_poll_ms", c.stream_poll_ms),
                   ReadToml(t, "notifications.stream_heartbeat_ms", c.stream_heartbeat_ms),
                   ReadToml(t, "notifications.max_streams", c.max_streams),
                   ReadToml(t, "notifications.reminder_working_days_before", c.reminder_working_days_before),
                   ReadToml(t, "notifications.remind_on_due_day", c.remind_on_due_day),
                   ReadToml(t, "bulletins.periodic", c.periodic_bulletins),
                   ReadToml(t, "meetings.regular_every_months", c.regular_meeting_every_months),
                   ReadToml(t, "audit.anchor_file", c.audit_anchor_file),
                   ReadToml(t, "audit.checkpoint_every", c.audit_checkpoint_every),
                   ReadToml(t, "audit.anchor_interval_s", c.audit_anchor_interval_s),
                   ReadToml(t, "backup.folder", c.backup_folder), ReadToml(t, "backup.every_hours", c.backup_every_hours),
                   ReadToml(t, "backup.keep", c.backup_keep),
                   ReadToml(t, "evidence.store", c.evidence_store), ReadToml(t, "evidence.dir", c.evidence_dir),
                   ReadToml(t, "evidence.spool_dir", c.evidence_spool_dir),
                   ReadToml(t, "evidence.max_image_mb", c.evidence_max_image_mb),
                   ReadToml(t, "evidence.max_video_mb", c.evidence_max_video_mb),
                   ReadToml(t, "evidence.max_document_mb", c.evidence_max_document_mb),
                   ReadToml(t, "evidence.max_audio_mb", c.evidence_max_audio_mb),
                   ReadToml(t, "monitoring.metrics_token_file", c.metrics_token_file)}) {
      if (!s) return s.error();
    }
  }
  auto env_string = [&](const char* name, std::string& out) {
    if (auto it = env.find(name); it != env.end()) out = it->second;
  };
  env_string("WAGELINK_ADDRESS", c.address);
  env_string("WAGELINK_DB", c.database_url);
  env_string("WAGELINK_STANDBY_DB", c.standby_url);
  env_string("WAGELINK_WEB_ROOT", c.web_root);
  env_string("WAGELINK_DATA_DIR", c.data_dir);
  env_string("WAGELINK_KEY_FILE", c.key_file);
  env_string("WAGELINK_LOG_LEVEL", c.log_level);
  env_string("WAGELINK_AUDIT_ANCHOR_FILE", c.audit_anchor_file);
  env_string("WAGELINK_EVIDENCE_STORE", c.evidence_store);
  env_string("WAGELINK_EVIDENCE_DIR", c.evidence_dir);
  env_string("WAGELINK_METRICS_TOKEN_FILE", c.metrics_token_file);
  if (auto it = env.find("WAGELINK_WEBHOOK_SECRET"); it != env.end() && !it->second.empty()) c.webhook_secret = it->second;
  env_string("WAGELINK_WEBHOOK_URL", c.webhook_url);
  if (auto it = env.find("WAGELINK_TRUSTED_PROXIES"); it != env.end()) {  // comma-separated
    c.trusted_proxies.clear();
    std::string_view list = it->second;
    while (!list.empty()) {
      auto comma = list.find(',');
      auto entry = list.substr(0, comma);
      while (!entry.empty() && entry.front() == ' ') entry.remove_prefix(1);
      while (!entry.empty() && entry.back() == ' ') entry.remove_suffix(1);
      if (!entry.empty()) c.trusted_proxies.emplace_back(entry);
      list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
    }
  }
  if (auto it = env.find("WAGELINK_MASTER_KEY"); it != env.end() && !it->second.empty()) c.master_key = it->second;
  for (auto s : {ReadEnvInt(env, "WAGELINK_PORT", c.port), ReadEnvInt(env, "WAGELINK_WORKERS", c.worker_threads)}) {
    if (!s) return s.error();
  }
  if (cli.address) c.address = *cli.address;
  if (cli.database_url) c.database_url = *cli.database_url;
  if (cli.web_root) c.web_root = *cli.web_root;
  if (cli.data_dir) c.data_dir = *cli.data_dir;
  if (cli.key_file) c.key_file = *cli.key_file;
  if (cli.log_level) c.log_level = *cli.log_level;
  if (cli.port) c.port = *cli.port;
  if (cli.anchor_file) c.audit_anchor_file = *cli.anchor_file;
  if (c.data_dir.empty() || c.web_root.empty()) {
    const auto installed = DefaultInstallPaths(CurrentExecutable());
    if (c.data_dir.empty()) c.data_dir = installed.data_dir;
    if (c.web_root.empty()) c.web_root = installed.web_root;
  }

  for (auto s : {CheckRange("server.port", c.port, 0, 65535), CheckRange("server.io_threads", c.io_threads, 1, 64),
                 CheckRange("server.worker_threads", c.worker_threads, 1, 512),
                 CheckRange("server.max_connections", c.max_connections, 1, 1'000'000),
                 CheckRange("server.max_pending_requests", c.max_pending_requests, 1, 1'000'000),
                 CheckRange("server.read_timeout_ms", c.read_timeout_ms, 100, 600'000),
                 CheckRange("server.idle_timeout_ms", c.idle_timeout_ms, 100, 3'600'000),
                 CheckRange("server.shutdown_grace_ms", c.shutdown_grace_ms, 0, 600'000),
                 CheckRange("server.header_timeout_ms", c.header_timeout_ms, 100, 600'000),
                 CheckRange("server.max_connections_per_client", c.max_connections_per_client, 1, 1'000'000),
                 CheckRange("server.max_requests_per_client", c.max_requests_per_client, 1, 1'000'000),
                 CheckRange("server.max_expensive_per_user", c.max_expensive_per_user, 1, 1'000),
                 CheckRange("notifications.max_streams_per_user", c.max_streams_per_user, 1, 100'000),
                 CheckRange("database.pool_size", c.pool_size, 0, 1024),
                 CheckRange("database.max_standby_lag_ms", c.max_standby_lag_ms, 100, 3'600'000),
                 CheckRange("webhook.poll_interval_ms", c.webhook_poll_ms, 10, 3'600'000),
                 CheckRange("webhook.timeout_ms", c.webhook_timeout_ms, 100, 600'000),
                 CheckRange("webhook.backoff_base_s", c.webhook_backoff_base_s, 1, 86'400),
                 CheckRange("webhook.backoff_max_s", c.webhook_backoff_max_s, 1, 604'800),
                 CheckRange("notifications.stream_poll_ms", c.stream_poll_ms, 10, 60'000),
                 CheckRange("notifications.stream_heartbeat_ms", c.stream_heartbeat_ms, 100, 600'000),
                 CheckRange("notifications.max_streams", c.max_streams, 0, 100'000),
                 CheckRange("notifications.reminder_working_days_before", c.reminder_working_days_before, 0, 30),
                 CheckRange("audit.checkpoint_every", c.audit_checkpoint_every, 1, 10'000),
                 CheckRange("audit.anchor_interval_s", c.audit_anchor_interval_s, 1, 86'400),
                 CheckRange("evidence.max_image_mb", c.evidence_max_image_mb, 1, 4096),
                 CheckRange("evidence.max_video_mb", c.evidence_max_video_mb, 1, 4096),
                 CheckRange("evidence.max_document_mb", c.evidence_max_document_mb, 1, 4096),
                 CheckRange("evidence.max_audio_mb", c.evidence_max_audio_mb, 1, 4096)}) {
    if (!s) return s.error();
  }
  if (!c.webhook_url.empty() && !c.webhook_url.starts_with("http://")) {
    return Bad("webhook.url", "应为 http://主机[:端口]/路径（内网网关）", "must be http://host[:port]/path (an intranet gateway)");
  }
  if (c.webhook_secret && (c.webhook_secret->size() != 64 ||
                           c.webhook_secret->find_first_not_of("0123456789abcdefABCDEF") != std::string::npos)) {
    return Bad("webhook.secret", "应为 64 位十六进制（32 字节）", "must be 64 hex characters (32 bytes)");
  }
  if (c.regular_meeting_every_months < 0 || c.regular_meeting_every_months > 12 ||
      (c.regular_meeting_every_months > 0 && 12 % c.regular_meeting_every_months != 0)) {
    return Bad("meetings.regular_every_months", "应为 0（关闭）或 1、2、3、4、6、12 之一",
               "must be 0 (off) or one of 1, 2, 3, 4, 6, 12");
  }
  if (c.database_url.empty()) return Bad("database.url", "不能为空", "must not be empty");
  if (!c.standby_url.empty()) {
    const auto postgres = [](const std::string& url) {
      return url.starts_with("postgresql://") || url.starts_with("postgres://");
    };
    if (!postgres(c.standby_url) || !postgres(c.database_url)) {
      return Bad("database.standby_url", "只用于 PostgreSQL：主库与备库地址都应为 postgresql://…",
                 "is for PostgreSQL only: both database.url and it must be postgresql://...");
    }
  }
  if (auto proxies = http::TrustedProxies::Parse(c.trusted_proxies); !proxies) {
    return Bad("server.trusted_proxies", proxies.error().message_zh, proxies.error().message_en);
  }
  if (c.proxy_protocol && c.trusted_proxies.empty()) {
    return Bad("server.proxy_protocol", "需同时配置 server.trusted_proxies（只接受可信代理的 PROXY 行）",
               "needs server.trusted_proxies (PROXY lines are accepted from trusted proxies only)");
  }
  if (c.audit_anchor_file.empty()) return Bad("audit.anchor_file", "不能为空", "must not be empty");
  if (!security::SuiteNamed(c.crypto_suite)) {
    return Bad("security.crypto_suite", "应为 sodium（默认）或 sm（国密 SM2/SM3/SM4）", "must be sodium (default) or sm (SM2/SM3/SM4)");
  }
  if (c.backup_every_hours < 1 || c.backup_every_hours > 24 * 7) {
    return Bad("backup.every_hours", "应在 1 到 168 之间", "must be between 1 and 168");
  }
  if (c.backup_keep < 1 || c.backup_keep > 1000) return Bad("backup.keep", "应在 1 到 1000 之间", "must be between 1 and 1000");
  if (c.evidence_store != "disk" && c.evidence_store != "database") {
    return Bad("evidence.store", "应为 disk（磁盘目录）或 database（数据库）", "must be disk or database");
  }
  if (c.evidence_store == "disk" && c.evidence_dir.empty()) return Bad("evidence.dir", "不能为空", "must not be empty");
  if (c.evidence_spool_dir.empty()) return Bad("evidence.spool_dir", "不能为空", "must not be empty");
  static const std::vector<std::string> kLevels = {"trace", "debug", "info", "warn", "error", "off"};
  if (std::find(kLevels.begin(), kLevels.end(), c.log_level) == kLevels.end()) {
    return Bad("log.level", "应为 trace/debug/info/warn/error/off 之一", "must be one of trace/debug/info/warn/error/off");
  }
  if (!c.metrics_token_file.empty()) {
    auto token = ReadMetricsToken(c.metrics_token_file);
    if (!token) return token.error();
    c.metrics_token = std::move(*token);
  }
  if (c.pool_size == 0) c.pool_size = c.worker_threads;
  return c;
}

}  // namespace wagelink::app
