#pragma once
// What handlers may reach: the services (never the store directly) and request-independent
// settings. Built once by the application and shared read-only by all worker threads.
#include <atomic>
#include <functional>
#include <string>
#include <memory>
#include <vector>

#include "core/clock.h"
#include "core/keyed_limit.h"
#include "http/body_spool.h"
#include "http/server.h"
#include "services/reference_data.h"
#include "store/database.h"

namespace wagelink::services {
class AuthService;
class AdminService;
class RosterService;
struct CaseUseCases;
class CaseRulesService;
class CalendarService;
class InboxService;
class DocumentService;
class LedgerService;
class RiskService;
class ProjectService;
class ApiClientService;
class MeetingService;
class ImportService;
class DashboardService;
class BlacklistService;
class ExposureSettingsService;
class PublicationService;
class NotificationHub;
class BulletinService;
class EarlyInterventionService;
class ReadinessProbe;
class EvidenceService;
class TwoFactorService;
class OperationalFigureReader;
class AnnouncementService;
class RecommendationService;
class SupervisionDashboard;
class WriteReceipts;
class ReadYourWrites;
}  // namespace wagelink::services

namespace wagelink {
class RequestMetrics;
}
namespace wagelink::jobs {
class Scheduler;
}

namespace wagelink::api {

struct ApiContext {
  const services::ReadinessProbe* readiness = nullptr;
  const Clock* clock = nullptr;
  services::AuthService* auth = nullptr;
  services::AdminService* admin = nullptr;
  services::TwoFactorService* two_factor = nullptr;
  services::RosterService* roster = nullptr;
  services::CaseUseCases* cases = nullptr;
  services::CaseRulesService* case_rules = nullptr;
  services::CalendarService* calendar = nullptr;
  services::InboxService* inbox = nullptr;
  services::DocumentService* documents = nullptr;
  services::LedgerService* ledgers = nullptr;
  services::RiskService* risks = nullptr;
  services::ProjectService* projects = nullptr;
  services::ApiClientService* api_clients = nullptr;
  services::MeetingService* meetings = nullptr;
  services::ImportService* imports = nullptr;
  services::DashboardService* dashboard = nullptr;
  services::BlacklistService* blacklist = nullptr;
  services::ExposureSettingsService* exposure_settings = nullptr;
  services::PublicationService* publications = nullptr;
  services::NotificationHub* notification_hub = nullptr;  // live updates (SSE)
  services::BulletinService* bulletins = nullptr;
  services::EarlyInterventionService* early_interventions = nullptr;
  services::EvidenceService* evidence = nullptr;
  services::AnnouncementService* announcements = nullptr;
  services::RecommendationService* recommendations = nullptr;
  services::SupervisionDashboard* supervision_dashboard = nullptr;
  const services::WriteReceipts* write_receipts = nullptr;  // Idempotency-Key on signed-in writes
  // Set when reads may go to a hot standby: a session's writes are remembered in a cookie.
  services::ReadYourWrites* read_your_writes = nullptr;
  std::shared_ptr<const services::ReferenceData> reference;
  // Evidence uploads: where their bodies are spooled, and the largest file a limit allows.
  http::BodySpoolFactory upload_spool;
  std::size_t evidence_body_limit = std::size_t{1024} << 20;
  bool secure_cookies = false;  // __Host- cookie with Secure (HTTPS deployments)
  bool test_hooks = false;      // enables /api/v1/_test/* endpoints used by the shutdown tests
  KeyedLimit* expensive_per_user = nullptr;  // PDF, XLSX and dashboard renderings running per user
  KeyedLimit* streams_per_user = nullptr;    // open live-update streams per user
  // Set while demo accounts still use the password published in the README: the UI warns.
  const std::atomic<bool>* published_demo_password = nullptr;
  // GET /metrics (docs/operations.md, "Monitoring"); an empty token turns the endpoint off (404).
  std::string metrics_token;
  const RequestMetrics* request_metrics = nullptr;
  std::function<http::ServerLoad()> server_load;  // empty until the server is listening
  jobs::Scheduler* scheduler = nullptr;
  // The folders whose free space the 服务监控 page shows (database, evidence, upload spool, backups).
  struct MonitoredFolder {
    std::string label_zh, label_en, path;
  };
  std::vector<MonitoredFolder> monitored_folders;
  std::int64_t started_at = 0;  // Unix seconds, for the instance's uptime
  const services::OperationalFigureReader* operational_figures = nullptr;
};

}  // namespace wagelink::api
