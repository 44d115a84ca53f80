#include "app/commands.h"

#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <boost/json/serialize.hpp>

#include "app/application.h"
#include "app/demo_password.h"
#include "app/reference_loader.h"
#include "security/audit_anchor.h"
#include "security/encoding.h"
#include "services/calendar_service.h"
#include "services/case_rules_service.h"
#include "services/crypto_switch.h"
#include "services/security_keys.h"
#include "domain/assessment_json.h"
#include "domain/civil_date.h"
#include "core/log_event.h"

namespace wagelink::app {
namespace {

int Fail(const Error& error) {
  std::cerr << "wagelink: " << error.message_zh << "\n          " << error.message_en << "\n";
  return 1;
}

// Writes the port atomically so a watcher never reads a half-written file.
bool WritePortFile(const std::string& path, std::uint16_t port) {
  std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::trunc);
    if (!out) return false;
    out << port << "\n";
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  return !ec;
}

int SeedDemo(Application& app, const Config& config) {
  std::string path = config.data_dir + "/demo/district.json";
  auto text = ReadTextFile(path);
  if (!text) {
    return Fail(MakeError(ErrorCode::kNotFound, "找不到示范区数据文件：" + path, "demo district file not found: " + path));
  }
  auto created = app.SeedDemo(*text);
  if (!created) return Fail(created.error());
  std::string scenarios_path = config.data_dir + "/demo/scenarios.json";
  auto scenarios = ReadTextFile(scenarios_path);
  if (!scenarios) {
    return Fail(MakeError(ErrorCode::kNotFound, "找不到示范场景文件：" + scenarios_path,
                          "demo scenario file not found: " + scenarios_path));
  }
  auto cases = app.SeedDemoScenarios(*scenarios);
  if (!cases) return Fail(cases.error());
  if (auto exposure = ReadTextFile(config.data_dir + "/demo/exposure.json")) {
    if (auto loaded = app.SeedDemoExposure(*exposure); !loaded) return Fail(loaded.error());
  }
  if (auto projects = ReadTextFile(config.data_dir + "/demo/projects.json")) {
    if (auto loaded = app.SeedDemoProjects(*projects); !loaded) return Fail(loaded.error());
  }
  return 0;
}

}  // namespace

std::optional<std::string> ReadTextFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

int RunInit(const Config& config, bool demo, const std::string& district_file) {
  SystemClock clock;
  auto app = Application::Open(config, clock);  // migrates and creates the master key if missing
  if (!app) return Fail(app.error());
  if (demo) {
    if (int rc = SeedDemo(**app, config); rc != 0) return rc;
  }
  if (!district_file.empty()) {
    auto text = ReadTextFile(district_file);
    if (!text) {
      return Fail(MakeError(ErrorCode::kNotFound, "找不到辖区数据文件：" + district_file,
                            "district file not found: " + district_file));
    }
    auto report = (*app)->SeedDistrict(*text);
    if (!report) return Fail(report.error());
    std::cout << "辖区已就绪：新建单位 " << report->bodies_created << " 个、联络员 " << report->liaisons_created
              << " 名、账户 " << report->users_created << " 个 / district ready: " << report->bodies_created
              << " bodies, " << report->liaisons_created << " liaisons, " << report->users_created
              << " accounts created\n";
    if (!report->one_time_passwords.empty()) {
      std::cout << "一次性密码只显示这一次，请当面交给本人，首次登录须修改 / one-time passwords, shown only now; "
                   "hand each to its holder, who must change it at first sign-in:\n";
      for (const auto& [username, password] : report->one_time_passwords) {
        std::cout << "  " << username << "  " << password << "\n";
      }
    }
  }
  if (auto published = (*app)->PublishAuditAnchors(); !published) return Fail(published.error());
  return 0;
}

int RunMigrate(const Config& config) {
  std::vector<std::string> applied;
  auto db = OpenMigratedDatabase(config, &applied);
  if (!db) return Fail(db.error());
  std::cout << (applied.empty() ? "schema is up to date\n" : "");
  for (const auto& name : applied) std::cout << "applied " << name << "\n";
  return 0;
}

int RunWebhookSecret(const Config& config) {
  if (config.webhook_secret) {
    std::cout << *config.webhook_secret << "\n";
    return 0;
  }
  auto keys = services::SecurityKeys::Load(config.key_file, config.master_key);
  if (!keys) return Fail(keys.error());
  const auto& key = (*keys)->webhook_key();
  std::cout << security::ToHex(std::span<const unsigned char>(key.data(), key.size())) << "\n";
  return 0;
}

int RunAuditVerify(const Config& config, const std::vector<std::string>& anchor_files) {
  std::vector<security::Checkpoint> handed;
  for (const auto& path : anchor_files) {
    auto text = ReadTextFile(path);
    if (!text) {
      return Fail(MakeError(ErrorCode::kNotFound, "无法读取锚点文件 " + path, "cannot read anchor file " + path, "anchor"));
    }
    auto anchors = security::ParseAnchors(*text, path);
    if (!anchors) return Fail(anchors.error());
    handed.insert(handed.end(), anchors->begin(), anchors->end());
  }
  SystemClock clock;
  auto app = Application::Open(config, clock, /*may_create_key=*/false);
  if (!app) return Fail(app.error());
  auto verdict = (*app)->VerifyAudit(handed);
  if (verdict.ok) {
    std::cout << "审计日志完整 / audit log intact: " << verdict.entries_checked << " entries verified against "
              << handed.size() << " handed anchors and the anchor file " << config.audit_anchor_file << "\n";
    return 0;
  }
  std::cout << "审计日志被篡改 / audit log TAMPERED";
  if (verdict.first_bad_seq > 0) std::cout << " at entry " << verdict.first_bad_seq;
  std::cout << "\n  " << verdict.reason_zh << "\n  " << verdict.reason_en << "\n";
  return 3;
}

int RunCryptoSwitch(const Config& config, const std::string& target_suite) {
  const auto suite = security::SuiteNamed(target_suite);
  if (!suite) {
    return Fail(MakeError(ErrorCode::kValidationFailed, "--to 应为 sodium 或 sm", "--to must be sodium or sm", "to"));
  }
  auto db = OpenMigratedDatabase(config, nullptr);
  if (!db) return Fail(db.error());
  auto keys = services::SecurityKeys::Load(config.key_file, config.master_key,
                                           services::SecurityKeys::Creation::kRefusedDatabaseInUse, *suite);
  if (!keys) return Fail(keys.error());
  SystemClock clock;
  const services::AuditTrail audit(*keys, clock, services::AuditAnchoring{config.audit_checkpoint_every, config.audit_anchor_file});
  auto report = services::SwitchCryptoSuite(**db, **keys, audit, clock);
  if (!report) return Fail(report.error());
  if (auto published = audit.PublishAnchors(**db); !published) return Fail(published.error());
  std::cout << "已切换到" << security::SuiteTitleZh(*suite) << "：重新加密 " << report->fields_reencrypted << " 个字段（"
            << report->fields_already_in_suite << " 个原已使用该套件），结束 " << report->sessions_ended << " 个会话。\n"
            << "switched to " << security::SuiteTitleEn(*suite) << ": " << report->fields_reencrypted
            << " fields re-encrypted (" << report->fields_already_in_suite << " already in it), " << report->sessions_ended
            << " sessions ended.\n"
            << "请在配置中设置 / set in the configuration: security.crypto_suite = \"" << security::SuiteName(*suite) << "\"\n";
  return 0;
}

int RunAssess(const Config& config, bool from_database) {
  auto reference = LoadReferenceData(config.data_dir);
  if (!reference) return Fail(reference.error());
  // With --db: the district's catalog, with the operator's figures for a province the data leaves
  // open: the one a case and POST /api/v1/assessments decide with, so all three agree.
  std::shared_ptr<const domain::ThresholdCatalog> catalog(*reference, &(*reference)->thresholds);
  if (from_database) {
    auto db = OpenMigratedDatabase(config, nullptr);
    if (!db) return Fail(db.error());
    SystemClock clock;
    const services::AuditTrail audit(nullptr, clock);  // only read here: the rules are never changed
    catalog = services::CaseRulesService(**db, clock, audit, *reference).Current()->catalog;
  }
  std::string input{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
  auto result = domain::AssessJson(input, *catalog);
  if (!result) {
    boost::json::object problem{{"code", std::string(ErrorCodeName(result.error().code))},
                                {"field", result.error().field},
                                {"detail", result.error().message_zh},
                                {"detail_en", result.error().message_en}};
    std::cerr << boost::json::serialize(problem) << "\n";
    return 2;
  }
  std::cout << boost::json::serialize(*result) << "\n";
  return 0;
}

int RunAddWorkingDays(const Config& config, const std::string& date_text, int n, bool from_database) {
  auto reference = LoadReferenceData(config.data_dir);
  if (!reference) return Fail(reference.error());
  auto date = domain::CivilDate::ParseIso(date_text, "DATE");
  if (!date) return Fail(date.error());
  if (n < 0 || n > 3660) {
    return Fail(MakeError(ErrorCode::kValidationFailed, "N 应为 0 到 3660 之间的整数", "N must be an integer from 0 to 3660", "N"));
  }
  // With --db: the calendar in force there (the notices an administrator entered come first).
  std::shared_ptr<const domain::WorkCalendar> calendar(*reference, &(*reference)->calendar);
  if (from_database) {
    auto db = OpenMigratedDatabase(config, nullptr);
    if (!db) return Fail(db.error());
    auto connection = (*db)->Acquire();
    calendar = services::LoadCalendarInForce(*connection, **reference);
  }
  auto day = calendar->AddWorkingDays(*date, n);
  std::cout << day.date.ToIso() << "\n";
  if (day.uncertain) {
    const auto years = domain::UncertainYearsOf(*calendar, *date, day.date);
    std::cerr << "不确定：" << domain::UncertaintyNoteZh(years) << "\nuncertain: " << domain::UncertaintyNoteEn(years)
              << "\n";
    return 4;
  }
  return 0;
}

int RunSweep(const Config& config) {
  SystemClock clock;
  auto app = Application::Open(config, clock);
  if (!app) return Fail(app.error());
  auto started = std::chrono::steady_clock::now();
  auto [overdue, notices] = (*app)->SweepDeadlinesNow();
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
  std::cout << "overdue clocks: " << overdue << ", notifications: " << notices << ", took " << ms << " ms\n";
  return 0;
}

int RunServe(const Config& config, const ServeOptions& options) {
  // Block the stop signals in every thread; this thread then waits for them with sigwait.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  SystemClock clock;
  auto app = Application::Open(config, clock);
  if (!app) return Fail(app.error());
  if (options.demo) {
    if (int rc = SeedDemo(**app, config); rc != 0) return rc;
  }
  // The anchor file must be writable before anything is served: anchors are the audit log's proof.
  if (auto published = (*app)->PublishAuditAnchors(); !published) return Fail(published.error());
  std::uint16_t port;
  try {
    port = (*app)->Start();
  } catch (const DemoPasswordRefusal& refusal) {
    return Fail(MakeError(
        ErrorCode::kValidationFailed,
        "拒绝在 " + refusal.address + " 上启动：" + std::to_string(refusal.accounts) +
            " 个示范账号仍在使用公开的示范密码，任何能访问此地址的人都能登录。请只在本机地址（127.0.0.1）上运行示范，"
            "或先修改这些账号的密码。",
        "refusing to listen on " + refusal.address + ": " + std::to_string(refusal.accounts) +
            " demo accounts still use the published demo password, so anyone who can reach this address can sign "
            "in. Serve the demo on loopback (127.0.0.1) only, or change those passwords first.",
        "server.address"));
  } catch (const std::exception& e) {
    return Fail(MakeError(ErrorCode::kServiceUnavailable,
                          "无法在 " + config.address + ":" + std::to_string(config.port) + " 上监听：" + e.what(),
                          "cannot listen on " + config.address + ":" + std::to_string(config.port) + ": " + e.what(),
                          "server.port"));
  }
  if (options.port_file && !WritePortFile(*options.port_file, port)) {
    return Fail(MakeError(ErrorCode::kInternal, "无法写入端口文件 " + *options.port_file,
                          "cannot write port file " + *options.port_file));
  }
  std::cerr << "WageLink 已启动 / listening on http://" << config.address << ":" << port << "/\n";
  int received = 0;
  sigwait(&signals, &received);
  LogEvent(spdlog::level::info, "shutdown_requested", {{"signal", received == SIGTERM ? "SIGTERM" : "SIGINT"}});
  (*app)->Shutdown();
  (*app)->Wait();
  LogEvent(spdlog::level::info, "server_stopped");
  return 0;
}

}  // namespace wagelink::app
