#include "app/application.h"

#include "app/backup.h"

#include <filesystem>
#include <functional>

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include "api/api_context.h"
#include "api/dispatcher.h"
#include "api/routes.h"
#include <boost/json/parse.hpp>

#include "app/commands.h"
#include "app/demo_password.h"
#include "app/demo_scenarios.h"
#include "app/demo_exposure.h"
#include "app/demo_projects.h"
#include "app/document_template_loader.h"
#include "app/reference_loader.h"
#include "core/log_event.h"
#include "http/server.h"
#include "http/static_files.h"
#include "services/admin_service.h"
#include "services/audit_trail.h"
#include "services/crypto_switch.h"
#include "services/case_use_cases.h"
#include "services/deadline_service.h"
#include "services/document_service.h"
#include "services/ledger_service.h"
#include "services/dashboard_service.h"
#include "services/inbox_service.h"
#include "jobs/scheduler.h"
#include "jobs/webhook_sender.h"
#include "security/encoding.h"
#include "services/notification_hub.h"
#include "services/refreshing_setting.h"
#include "services/readiness.h"
#include "services/operational_figures.h"
#include "core/request_metrics.h"
#include "services/announcement_service.h"
#include "services/bulletin_service.h"
#include "services/auth_service.h"
#include "services/demo_district.h"
#include "services/roster_service.h"
#include "services/risk_service.h"
#include "services/meeting_service.h"
#include "services/import_service.h"
#include "app/risk_rules_loader.h"
#include "app/exposure_rules_loader.h"
#include "services/blacklist_service.h"
#include "services/calendar_service.h"
#include "services/early_intervention_service.h"
#include "services/publication_service.h"
#include "services/evidence_service.h"
#include "services/evidence_store.h"
#include "services/security_keys.h"
#include "services/api_client_service.h"
#include "services/project_service.h"
#include "services/recommendation_service.h"
#include "services/supervision_dashboard.h"
#include "services/read_your_writes.h"
#include "services/write_receipts.h"
#include "services/security_policy.h"
#include "services/two_factor_service.h"
#include "store/audit_repository.h"
#include "store/blob_store.h"
#include "store/case_tally_repository.h"
#include "store/migrations.h"
#include "store/postgres_listener.h"
#include "api/sealed_spool.h"

namespace wagelink::app {

// The use-case services of one application, built once; handlers reach them via ApiContext.
struct Application::Services {
  Services(store::Database& db, const Clock& clock, std::shared_ptr<const services::SecurityKeys> k,
           std::shared_ptr<const services::ReferenceData> r, security::Argon2Cost cost,
           std::shared_ptr<const domain::RiskRuleSet> risk_rules, services::AuditAnchoring anchoring,
           std::chrono::seconds anchor_interval, std::chrono::seconds backup_interval,
           std::shared_ptr<const services::DocumentCatalog> document_catalog)
      : keys(std::move(k)),
        reference(std::move(r)),
        audit(keys, clock, std::move(anchoring)),
        policy(clock),
        auth(db, clock, keys, audit, policy, cost),
        admin(db, clock, audit, policy, auth),
        two_factor(db, clock, keys, audit, policy, auth),
        roster(db, clock, audit),
        case_rules(db, clock, audit, reference),
        calendar(db, clock, audit, reference, case_rules),
        cases(db, clock, audit, reference, keys, case_rules, risk_rules, document_catalog),
        deadlines(db, clock, audit, reference, case_rules),
        inbox(db, clock, audit),
        risks(db, clock, audit, risk_rules),
        meetings(db, clock, audit, reference, risk_rules),
        bulletins(db, clock, audit),
        announcements(db, clock, audit),
        early_interventions(db),
        readiness(db),
        write_receipts(db, clock),
        read_your_writes(db),
        scheduler(db, clock, {{"deadline_sweep", "法定时限逾期检查", "Overdue statutory clocks", std::chrono::seconds(60), [this] { deadlines.SweepOverdue(); }},
                                     {"deadline_reminders", "时限到期提醒", "Deadline reminders", std::chrono::seconds(300), [this] { deadlines.SendReminders(); }},
                                     {"bulletins", "定期通报生成", "Periodic bulletins", std::chrono::seconds(3600), [this] {
                                        if (periodic_bulletins) bulletins.IssueDuePeriodic();
                                      }},
                                     {"regular_meetings", "联席会议定期召集", "Regular joint meetings", std::chrono::seconds(3600), [this] {
                                        meetings.ConveneRegularMeeting(regular_meeting_every_months);
                                      }},
                                     {"project_monitoring", "工程项目监测预警", "Project monitoring warnings", std::chrono::seconds(3600), [this] {
                                        if (projects) projects->MeasureAll();
                                      }},
                                     {"risk_review", "风险复核提醒", "Risk review reminders", std::chrono::seconds(300), [this] { risks.SweepReviews(); }},
                                     {"action_item_overdue", "督办事项逾期检查", "Overdue action items", std::chrono::seconds(300), [this] { meetings.SweepOverdueActionItems(); }},
                                     {"recommendation_overdue", "检察建议逾期提醒", "Overdue recommendation replies", std::chrono::seconds(300), [this] {
                                        if (recommendations) recommendations->SweepOverdue();
                                      }},
                                     {"import_purge", "未提交导入文件清理", "Purge of abandoned imports", std::chrono::seconds(3600), [this] {
                                        if (imports) imports->PurgeAbandoned();
                                      }},
                                     {"write_receipt_purge", "重复提交防护记录清理", "Purge of old idempotency keys", std::chrono::seconds(3600),
                                      [this] { write_receipts.PurgeOld(); }},
                                     {"login_attempt_purge", "登录尝试记录清理", "Purge of old sign-in attempts", std::chrono::seconds(3600),
                                      [this] { auth.PurgeOldAttempts(); }},
                                     {"audit_anchor", "审计日志锚点发布", "Audit anchor publishing", anchor_interval, [this, &db] { PublishAuditAnchors(db); }},
                                     {"backup", "数据库定期备份", "Scheduled backup", backup_interval, [this] {
                                        if (scheduled_backup) scheduled_backup();
                                      }}}) {}
  void PublishAuditAnchors(store::Database& db) const {
    if (auto published = audit.PublishAnchors(db); !published) {
      LogEvent(spdlog::level::err, "audit_anchor_publish_failed", {{"error", published.error().message_en}});
    }
  }
  std::function<void()> scheduled_backup;  // [backup] folder set: wagelink backup with retention
  std::shared_ptr<const services::SecurityKeys> keys;
  std::shared_ptr<const services::ReferenceData> reference;
  services::AuditTrail audit;
  services::SecurityPolicyStore policy;
  services::AuthService auth;
  services::AdminService admin;
  services::TwoFactorService two_factor;
  services::RosterService roster;
  services::CaseRulesService case_rules;
  services::CalendarService calendar;
  services::CaseUseCases cases;
  services::DeadlineService deadlines;
  services::InboxService inbox;
  services::RiskService risks;
  services::MeetingService meetings;
  services::BulletinService bulletins;
  services::AnnouncementService announcements;
  services::EarlyInterventionService early_interventions;
  services::ReadinessProbe readiness;
  services::WriteReceipts write_receipts;
  services::ReadYourWrites read_your_writes;
  bool periodic_bulletins = true;
  int regular_meeting_every_months = 3;
  jobs::Scheduler scheduler;
  std::unique_ptr<services::DocumentService> documents;  // built in Open, once the templates are loaded
  std::unique_ptr<services::LedgerService> ledgers;
  std::unique_ptr<services::DashboardService> dashboard;
  std::unique_ptr<services::ExposureSettingsService> exposure_settings;  // built in Open, with the exposure rules
  std::unique_ptr<services::BlacklistService> blacklist;       // built in Open, once the exposure rules are loaded
  std::unique_ptr<services::PublicationService> publications;
  std::unique_ptr<services::NotificationHub> notification_hub;
  std::unique_ptr<jobs::WebhookSender> webhook;
  std::unique_ptr<services::EvidenceStore> evidence_store;  // built in Open, from the [evidence] settings
  std::unique_ptr<services::EvidenceService> evidence;
  std::unique_ptr<services::ProjectService> projects;  // built in Open, once its rules are loaded
  std::unique_ptr<services::ImportService> imports;  // built in Open, after the projects (feeds arrive as files too)
  std::unique_ptr<services::ApiClientService> api_clients;
  std::unique_ptr<services::RecommendationService> recommendations;  // built in Open, with the project rules
  std::unique_ptr<services::SupervisionDashboard> supervision_dashboard;
};

namespace {

services::EvidenceLimits EvidenceLimitsFrom(const Config& config) {
  constexpr int kMegabyte = 20;
  return {.image_bytes = config.evidence_max_image_mb << kMegabyte,
          .video_bytes = config.evidence_max_video_mb << kMegabyte,
          .document_bytes = config.evidence_max_document_mb << kMegabyte,
          .audio_bytes = config.evidence_max_audio_mb << kMegabyte};
}

jobs::WebhookOptions WebhookOptionsFrom(const Config& config, const services::SecurityKeys& keys) {
  jobs::WebhookOptions options;
  options.url = config.webhook_url;
  options.key = keys.webhook_key();
  if (config.webhook_secret) {
    auto secret = security::FromHex(*config.webhook_secret);  // length and digits checked by LoadConfig
    std::copy(secret->begin(), secret->end(), options.key.data());
  }
  options.poll_interval = std::chrono::milliseconds(config.webhook_poll_ms);
  options.request_timeout = std::chrono::milliseconds(config.webhook_timeout_ms);
  options.backoff_base_seconds = config.webhook_backoff_base_s;
  options.backoff_max_seconds = config.webhook_backoff_max_s;
  return options;
}

}  // namespace

struct Application::Runtime {
  Runtime(const Config& config)
      : expensive_per_user(static_cast<std::size_t>(config.max_expensive_per_user)),
        streams_per_user(static_cast<std::size_t>(config.max_streams_per_user)) {}
  KeyedLimit expensive_per_user;  // outlive the server, whose requests hold their slots
  KeyedLimit streams_per_user;
  api::ApiContext context;
  RequestMetrics request_metrics;
  std::unique_ptr<services::OperationalFigureReader> operational_figures;
  std::shared_ptr<api::Dispatcher> dispatcher;
  std::unique_ptr<http::Server> server;
  std::unique_ptr<store::PostgresListener> wakeups;  // on PostgreSQL: other instances' changes
};

Result<std::unique_ptr<store::Database>> OpenMigratedDatabase(const Config& config, std::vector<std::string>* applied) {
  auto database = store::Database::Open(config.database_url, static_cast<std::size_t>(config.pool_size));
  if (!database) return database.error();
  try {
    auto connection = (*database)->Acquire();
    auto names = store::ApplyMigrations(*connection);
    store::CaseTallyRepository(*connection).RecountIfAsked();
    if (applied) *applied = std::move(names);
  } catch (const store::DatabaseError& e) {
    return MakeError(ErrorCode::kServiceUnavailable, std::string("数据库迁移失败：") + e.what(),
                     std::string("database migration failed: ") + e.what(), "database.url");
  }
  return std::move(database.value());
}

Application::Application(Config config, const Clock& clock, std::unique_ptr<store::Database> database,
                         std::unique_ptr<Services> services)
    : config_(std::move(config)), clock_(clock), database_(std::move(database)), services_(std::move(services)) {}

Application::~Application() {
  services_->scheduler.Stop();
  services_->webhook->Stop();
  if (runtime_ && runtime_->server) {
    runtime_->server->Shutdown();
    runtime_->server->Wait();
  }
}

Result<std::unique_ptr<Application>> Application::Open(const Config& config, const Clock& clock, bool may_create_key) {
  std::vector<std::string> applied;
  auto database = OpenMigratedDatabase(config, &applied);
  if (!database) return database.error();
  for (const auto& name : applied) LogEvent(spdlog::level::info, "migration_applied", {{"name", name}});
  if (!config.standby_url.empty()) {
    (*database)->AttachStandby(store::Database::OpenStandby(config.standby_url, static_cast<std::size_t>(config.pool_size)),
                               config.max_standby_lag_ms);
    LogEvent(spdlog::level::info, "standby_reads", {{"standby", store::RedactUrl(config.standby_url)}});
  }
  using Creation = services::SecurityKeys::Creation;
  auto creation = may_create_key ? Creation::kAllowed : Creation::kRefusedReadOnly;
  if (may_create_key && store::AuditRepository(*(*database)->Acquire()).HoldsKeyedData()) {
    creation = Creation::kRefusedDatabaseInUse;
  }
  // What is written from now on uses the configured suite, but a database in use is moved to
  // another suite only by `wagelink crypto switch` (it re-encrypts); `audit verify` writes its
  // own entry under the suite the log is in.
  const auto configured = *security::SuiteNamed(config.crypto_suite);
  const auto in_use = services::SuiteInUse(*(*database)->Acquire());
  auto suite = configured;
  if (!may_create_key) {
    suite = in_use.value_or(configured);
  } else if (in_use && *in_use != configured) {
    const std::string keep(security::SuiteName(*in_use)), move(security::SuiteName(configured));
    return MakeError(ErrorCode::kConflict,
                     "数据库当前使用" + std::string(security::SuiteTitleZh(*in_use)) + "，而配置为" +
                         std::string(security::SuiteTitleZh(configured)) + "：请将 security.crypto_suite 设为 \"" + keep +
                         "\"，或停止服务后运行 wagelink crypto switch --to " + move + " 迁移已有数据",
                     "the database is in the " + std::string(security::SuiteTitleEn(*in_use)) +
                         " suite but the configuration says " + std::string(security::SuiteTitleEn(configured)) +
                         ": set security.crypto_suite = \"" + keep + "\", or stop the server and run `wagelink crypto switch --to " +
                         move + "` to move the data",
                     "security.crypto_suite");
  }
  auto keys = services::SecurityKeys::Load(config.key_file, config.master_key, creation, suite);
  if (!keys) {
    Error error = keys.error();
    error.field = "security.key_file";
    return error;
  }
  auto reference = LoadReferenceData(config.data_dir);
  if (!reference) return reference.error();
  auto cost = config.fast_password_hashing ? security::Argon2Cost::Minimum() : security::Argon2Cost::Interactive();
  auto risk_rules = LoadRiskRules(config.data_dir);
  if (!risk_rules) return risk_rules.error();
  auto catalog = LoadDocumentCatalog(config.data_dir);
  if (!catalog) return catalog.error();
  auto services = std::make_unique<Services>(
      **database, clock, *keys, *reference, cost, *risk_rules,
      services::AuditAnchoring{config.audit_checkpoint_every, config.audit_anchor_file},
      std::chrono::seconds(config.audit_anchor_interval_s), std::chrono::hours(config.backup_every_hours), *catalog);
  if (auto sealed = services->audit.SealLegacyChain(**database); !sealed) {
    LogEvent(spdlog::level::err, "audit_legacy_chain_not_sealed", {{"error", sealed.error().message_en}});
  }
  services->documents = std::make_unique<services::DocumentService>(**database, clock, services->audit, *reference, *catalog);
  services->ledgers = std::make_unique<services::LedgerService>(**database, clock, services->audit);
  services->evidence_store = std::make_unique<services::EvidenceStore>(
      config.evidence_store == "database" ? store::MakeDatabaseBlobStore(**database) : store::MakeDiskBlobStore(config.evidence_dir),
      (*keys)->evidence_key(), EvidenceLimitsFrom(config));
  services->evidence =
      std::make_unique<services::EvidenceService>(**database, clock, services->audit, *reference, *services->evidence_store);
  services->dashboard = std::make_unique<services::DashboardService>(**database, clock);
  auto project_rules = LoadProjectWarningRules(config.data_dir);
  if (!project_rules) return project_rules.error();
  services->projects = std::make_unique<services::ProjectService>(**database, clock, services->audit, services->risks,
                                                                  *project_rules, services->case_rules, *keys);
  services->imports = std::make_unique<services::ImportService>(**database, clock, services->audit, services->cases.intake,
                                                                *keys, *services->projects);
  services->api_clients = std::make_unique<services::ApiClientService>(**database, clock, services->audit, *keys);
  services->recommendations = std::make_unique<services::RecommendationService>(
      **database, clock, services->audit, services->case_rules, *catalog, *project_rules);
  services->supervision_dashboard = std::make_unique<services::SupervisionDashboard>(**database, clock, *project_rules);
  auto exposure_rules = LoadExposureRules(config.data_dir);
  if (!exposure_rules) return exposure_rules.error();
  services->exposure_settings =
      std::make_unique<services::ExposureSettingsService>(**database, clock, services->audit, *exposure_rules);
  services->blacklist = std::make_unique<services::BlacklistService>(**database, clock, services->audit, *reference,
                                                                     *services->exposure_settings, services->cases.reading,
                                                                     services->case_rules);
  services->publications = std::make_unique<services::PublicationService>(**database, clock, services->audit,
                                                                          *exposure_rules, services->cases.reading);
  services->periodic_bulletins = config.periodic_bulletins;
  if (!config.backup_folder.empty()) services->scheduled_backup = [config] { BackupAndPrune(config); };
  services->regular_meeting_every_months = static_cast<int>(config.regular_meeting_every_months);
  services->deadlines.set_reminder_policy({static_cast<int>(config.reminder_working_days_before), config.remind_on_due_day});
  services->notification_hub =
      std::make_unique<services::NotificationHub>(**database, std::chrono::milliseconds(config.stream_poll_ms));
  services->notification_hub->SetSessionCheck(
      [auth = &services->auth](std::int64_t session_id) { return auth->SessionStillValid(session_id); },
      std::chrono::milliseconds(config.stream_heartbeat_ms));  // as often as an idle stream hears from us
  services->webhook = std::make_unique<jobs::WebhookSender>(**database, clock, WebhookOptionsFrom(config, **keys));
  return std::unique_ptr<Application>(new Application(config, clock, std::move(database.value()), std::move(services)));
}

Result<int> Application::SeedDemo(std::string_view district_json) {
  auto report = services::SeedDemoDistrict(*database_, district_json, clock_, services_->auth.cost());
  if (!report) return report.error();
  int created = report->bodies_created + report->liaisons_created + report->users_created;
  if (created > 0) {
    auto connection = database_->Acquire();
    store::Transaction tx(*connection);
    services_->audit.Append(*connection, services::SystemActor("init"), "system.seed_demo_district", {"region", "district"},
                            nullptr, boost::json::object{{"bodies", report->bodies_created},
                                                         {"liaisons", report->liaisons_created},
                                                         {"users", report->users_created}});
    tx.Commit();
  }
  if (created > 0) {
    // The demo district's accounts share a published password and are refused off loopback; its
    // policy makes the second factor optional so every demo account signs in with the password
    // alone. A real install keeps the baseline (administrators and 负责人 must).
    auto connection = database_->Acquire();
    services::SecurityPolicy policy = services_->policy.Current(*connection);
    services::SecurityPolicy before = policy;
    policy.two_factor_required_roles.clear();
    store::Transaction tx(*connection);
    services_->policy.Save(*connection, policy, "init");
    services_->audit.Append(*connection, services::SystemActor("init"), "security.policy_change",
                            {"settings", "security.policy"}, services::SecurityPolicyToJson(before),
                            services::SecurityPolicyToJson(policy));
    tx.Commit();
  }
  LogEvent(spdlog::level::info, "demo_district_ready",
           {{"bodies_created", report->bodies_created}, {"liaisons_created", report->liaisons_created},
            {"users_created", report->users_created}});
  return created;
}

Result<services::SeedReport> Application::SeedDistrict(std::string_view district_json) {
  auto report = services::SeedDistrict(*database_, district_json, clock_, services::FirstPasswords::kOneTimeEach,
                                       services_->auth.cost());
  if (!report) return report.error();
  if (report->bodies_created + report->liaisons_created + report->users_created > 0) {
    auto connection = database_->Acquire();
    store::Transaction tx(*connection);
    boost::json::array accounts;
    for (const auto& [username, password] : report->one_time_passwords) accounts.emplace_back(username);
    services_->audit.Append(*connection, services::SystemActor("init"), "system.seed_district", {"region", "district"},
                            nullptr, boost::json::object{{"bodies", report->bodies_created},
                                                         {"liaisons", report->liaisons_created},
                                                         {"accounts", accounts}});
    tx.Commit();
  }
  return report;
}

Result<int> Application::SeedDemoScenarios(std::string_view scenarios_json) {
  auto created = LoadDemoScenarios(services_->cases, services_->auth, *services_->evidence, scenarios_json);
  if (created) LogEvent(spdlog::level::info, "demo_scenarios_ready", {{"cases_created", *created}});
  return created;
}

Result<int> Application::SeedDemoProjects(std::string_view projects_json) {
  auto created = LoadDemoProjects(*services_->projects, services_->cases.intake, services_->auth, clock_, projects_json);
  if (created) LogEvent(spdlog::level::info, "demo_projects_ready", {{"projects_created", *created}});
  return created;
}

Result<int> Application::SeedDemoExposure(std::string_view exposure_json) {
  auto created = LoadDemoExposure({services_->cases.reading, services_->auth, *services_->blacklist, *services_->publications},
                                  exposure_json);
  if (created) LogEvent(spdlog::level::info, "demo_exposure_ready", {{"records_created", *created}});
  return created;
}

Application::AuditVerdict Application::VerifyAudit(std::span<const security::Checkpoint> handed_anchors) {
  auto connection = database_->Acquire();
  auto report = services_->audit.Verify(*connection, services::SystemActor("audit-verify"), handed_anchors);
  return {report.ok, report.first_bad_seq.value_or(0), report.entries_checked, report.reason_zh, report.reason_en};
}

Status Application::PublishAuditAnchors() { return services_->audit.PublishAnchors(*database_); }

bool IsLoopbackAddress(const std::string& address) {
  return address.starts_with("127.") || address == "::1" || address == "localhost";
}

std::uint16_t Application::Start() {
  // Demo accounts still on the published password let anyone who reaches the server in.
  if (auto district = ReadTextFile(config_.data_dir + "/demo/district.json")) {
    boost::system::error_code ec;
    auto json = boost::json::parse(*district, ec);
    const auto* published = !ec && json.is_object() ? json.as_object().if_contains("demo_password") : nullptr;
    if (published && published->is_string()) {
      // Off loopback the refusal names how many accounts to change, so all are counted.
      const bool loopback = IsLoopbackAddress(config_.address);
      const int accounts = services_->auth.CheckPublishedDemoPassword(published->as_string(), loopback);
      if (accounts > 0 && !loopback) throw DemoPasswordRefusal(config_.address, accounts);
    }
  }
  runtime_ = std::make_unique<Runtime>(config_);
  runtime_->context.expensive_per_user = &runtime_->expensive_per_user;
  runtime_->context.streams_per_user = &runtime_->streams_per_user;
  runtime_->context.readiness = &services_->readiness;
  runtime_->context.clock = &clock_;
  runtime_->context.test_hooks = config_.test_hooks;
  runtime_->context.secure_cookies = config_.secure_cookies;
  runtime_->context.auth = &services_->auth;
  runtime_->context.admin = &services_->admin;
  runtime_->context.two_factor = &services_->two_factor;
  runtime_->context.published_demo_password = &services_->auth.published_demo_password();
  runtime_->context.roster = &services_->roster;
  runtime_->context.cases = &services_->cases;
  runtime_->context.case_rules = &services_->case_rules;
  runtime_->context.calendar = &services_->calendar;
  runtime_->context.inbox = &services_->inbox;
  runtime_->context.documents = services_->documents.get();
  runtime_->context.ledgers = services_->ledgers.get();
  runtime_->context.dashboard = services_->dashboard.get();
  runtime_->context.risks = &services_->risks;
  runtime_->context.projects = services_->projects.get();
  runtime_->context.api_clients = services_->api_clients.get();
  runtime_->context.meetings = &services_->meetings;
  runtime_->context.imports = services_->imports.get();
  runtime_->context.blacklist = services_->blacklist.get();
  runtime_->context.exposure_settings = services_->exposure_settings.get();
  runtime_->context.publications = services_->publications.get();
  runtime_->context.notification_hub = services_->notification_hub.get();
  runtime_->context.bulletins = &services_->bulletins;
  runtime_->context.announcements = &services_->announcements;
  runtime_->context.recommendations = services_->recommendations.get();
  runtime_->context.supervision_dashboard = services_->supervision_dashboard.get();
  runtime_->context.write_receipts = &services_->write_receipts;
  runtime_->context.read_your_writes = &services_->read_your_writes;
  runtime_->context.early_interventions = &services_->early_interventions;
  runtime_->context.reference = services_->reference;
  runtime_->context.evidence = services_->evidence.get();
  runtime_->context.upload_spool = api::SealedSpoolFactory(config_.evidence_spool_dir);
  runtime_->operational_figures = std::make_unique<services::OperationalFigureReader>(*database_, clock_);
  runtime_->context.operational_figures = runtime_->operational_figures.get();
  runtime_->context.request_metrics = &runtime_->request_metrics;
  runtime_->context.scheduler = &services_->scheduler;
  runtime_->context.started_at = clock_.Now();
  if (config_.database_url.starts_with("sqlite:")) {
    const std::filesystem::path file = config_.database_url.substr(7);
    runtime_->context.monitored_folders.push_back(
        {"数据库", "Database", file.has_parent_path() ? file.parent_path().string() : "."});
  }
  if (config_.evidence_store == "disk") {
    runtime_->context.monitored_folders.push_back({"证据材料", "Evidence files", config_.evidence_dir});
  }
  runtime_->context.monitored_folders.push_back({"上传暂存", "Upload spool", config_.evidence_spool_dir});
  if (!config_.backup_folder.empty()) {
    runtime_->context.monitored_folders.push_back({"数据库备份", "Backups", config_.backup_folder});
  }
  runtime_->context.metrics_token = config_.metrics_token;
  runtime_->context.server_load = [runtime = runtime_.get()] {
    return runtime->server ? runtime->server->Load() : http::ServerLoad{};
  };
  runtime_->context.evidence_body_limit = static_cast<std::size_t>(services_->evidence_store->limits().Largest());
  auto router = api::BuildRouter(runtime_->context);
  auto static_files = std::make_shared<http::StaticFiles>(config_.web_root);
  runtime_->dispatcher = std::make_shared<api::Dispatcher>(router, static_files);

  http::ServerOptions options;
  options.address = config_.address;
  options.port = static_cast<std::uint16_t>(config_.port);
  options.io_threads = static_cast<int>(config_.io_threads);
  options.worker_threads = static_cast<int>(config_.worker_threads);
  options.max_connections = static_cast<std::size_t>(config_.max_connections);
  options.max_pending_requests = static_cast<std::size_t>(config_.max_pending_requests);
  options.read_timeout = std::chrono::milliseconds(config_.read_timeout_ms);
  options.idle_timeout = std::chrono::milliseconds(config_.idle_timeout_ms);
  options.shutdown_grace = std::chrono::milliseconds(config_.shutdown_grace_ms);
  options.default_headers = api::SecurityHeaders();
  options.max_streams = static_cast<std::size_t>(config_.max_streams);
  options.stream_heartbeat = std::chrono::milliseconds(config_.stream_heartbeat_ms);
  options.header_timeout = std::chrono::milliseconds(config_.header_timeout_ms);
  options.max_connections_per_client = static_cast<std::size_t>(config_.max_connections_per_client);
  options.max_requests_per_client = static_cast<std::size_t>(config_.max_requests_per_client);
  options.default_body_limit = http::RouteOptions{}.max_body_bytes;
  options.trusted_proxies = config_.trusted_proxies;
  options.proxy_protocol = config_.proxy_protocol;

  http::ServerHooks hooks;
  auto dispatcher = runtime_->dispatcher;
  hooks.dispatch = [dispatcher](http::Request& request) { return dispatcher->Handle(request); };
  hooks.admit = [dispatcher](http::Request& request) { return dispatcher->Admit(request); };
  hooks.body_limit = [dispatcher](std::string_view method, std::string_view path) {
    return dispatcher->BodyLimitFor(method, path);
  };
  hooks.spool_body = [dispatcher](std::string_view method, std::string_view path) {
    return dispatcher->SpoolFor(method, path);
  };
  hooks.answer_inline = [dispatcher](std::string_view method, std::string_view path) {
    return dispatcher->AnswersInline(method, path);
  };
  std::shared_ptr<spdlog::logger> access;
  if (config_.access_log) {
    access = spdlog::get("access");
    if (!access) {
      access = spdlog::stdout_logger_mt("access");
      access->set_pattern("%v");
    }
  }
  // Every answered request is counted for GET /metrics, and logged when the access log is on.
  hooks.access_log = [access, clock = &clock_, metrics = &runtime_->request_metrics](const http::AccessRecord& r) {
    std::string_view route = r.route.empty() ? std::string_view(r.method == "-" ? "(unparsed)" : "(unmatched)") : r.route;
    metrics->Record(r.method, route, r.status, r.duration_us);
    if (!access) return;
    boost::json::object line{{"ts", FormatUtc(clock->Now())}, {"type", "access"}, {"request_id", r.request_id},
                             {"method", r.method}, {"path", r.path}, {"route", route}, {"status", r.status},
                             {"bytes", r.bytes}, {"duration_us", r.duration_us}, {"client", r.client_address}};
    access->info(boost::json::serialize(line));
  };
  runtime_->server = std::make_unique<http::Server>(options, hooks);
  services_->notification_hub->Start();  // its tail starts before the first request can write a notice
  if (database_->dialect() == store::Dialect::kPostgres) {
    // Another instance's saved setting or written notice is heard at once (migration 0027). After
    // each (re)connection everything is looked at again: wake-ups sent while away are lost.
    auto* hub = services_->notification_hub.get();
    runtime_->wakeups = std::make_unique<store::PostgresListener>(
        config_.database_url, std::vector<std::string>{store::kSettingsChannel, store::kNotificationsChannel},
        [hub](const std::string& channel) {
          if (channel == store::kSettingsChannel) services::ForgetAllSettings();
          if (channel == store::kNotificationsChannel) hub->WakeUp();
        },
        [hub] {
          services::ForgetAllSettings();
          hub->WakeUp();
        });
  }
  std::uint16_t port = runtime_->server->Start();
  if (config_.run_jobs) services_->scheduler.Start();
  services_->webhook->Start();  // only when a gateway URL is configured
  LogEvent(spdlog::level::info, "server_started",
           {{"address", config_.address}, {"port", port}, {"database", database_->display_url()},
            {"web_ui", static_files->has_spa() ? "web/dist" : "start page"}});
  return port;
}

void Application::Shutdown() {
  services_->scheduler.Stop();
  services_->webhook->Stop();
  if (runtime_ && runtime_->server) runtime_->server->Shutdown();
}

void Application::RunJobsOnce() { services_->scheduler.RunDueJobsOnce(); }

std::int64_t Application::SendWebhooksNow() { return services_->webhook->SendDueOnce().delivered; }

std::pair<std::int64_t, std::int64_t> Application::SweepDeadlinesNow() {
  auto report = services_->deadlines.SweepOverdue();
  return {report.overdue_clocks, report.notifications};
}

void Application::Wait() {
  if (!runtime_ || !runtime_->server) return;
  runtime_->server->Wait();
  services_->PublishAuditAnchors(*database_);  // the head as the server leaves it
}

}  // namespace wagelink::app
