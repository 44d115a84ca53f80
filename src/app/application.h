#pragma once
// Wires one running WageLink: database pool (migrated), services, router, HTTP server.
// Used by `wagelink serve` and, in-process, by the API tests.
#include <memory>
#include <span>

#include "app/config.h"
#include "core/clock.h"
#include "core/error.h"
#include "security/audit_checkpoint.h"
#include "services/demo_district.h"
#include "store/database.h"

namespace wagelink::app {

class Application {
 public:
  // Opens the database and applies pending migrations, loads the master key (creating a missing
  // key file only when `may_create_key` and the database holds nothing written under a key yet)
  // and seals a legacy audit log (services::AuditTrail::SealLegacyChain).
  static Result<std::unique_ptr<Application>> Open(const Config& config, const Clock& clock,
                                                   bool may_create_key = true);
  ~Application();

  // Starts serving; returns the bound port.
  std::uint16_t Start();
  void Shutdown();
  // Waits until the server has stopped, then publishes the audit head as it leaves it.
  void Wait();

  store::Database& database() { return *database_; }
  // Creates the demo district (idempotent) and records it in the audit log.
  Result<int> SeedDemo(std::string_view district_json);
  // Creates a real district from its file (idempotent): each new account gets a one-time password,
  // returned once. Recorded in the audit log without the passwords.
  Result<services::SeedReport> SeedDistrict(std::string_view district_json);
  // Loads data/demo/scenarios.json into a district that has no cases yet; returns cases created.
  Result<int> SeedDemoScenarios(std::string_view scenarios_json);
  // S6: a listed employer, a publication and an article (data/demo/exposure.json); idempotent.
  Result<int> SeedDemoExposure(std::string_view exposure_json);
  // data/demo/projects.json: registered projects with months of feeds (docs/supervision.md).
  Result<int> SeedDemoProjects(std::string_view projects_json);
  // Checks the audit chain against the checkpoints, the anchor file and `handed_anchors` (the
  // `audit verify` command); the check is recorded in the log.
  struct AuditVerdict {
    bool ok;
    std::int64_t first_bad_seq;  // 0 when ok
    std::int64_t entries_checked;
    std::string reason_zh, reason_en;
  };
  AuditVerdict VerifyAudit(std::span<const security::Checkpoint> handed_anchors = {});
  // Signs the audit head and appends new checkpoints to the anchor file (also a scheduled job).
  Status PublishAuditAnchors();
  // Runs the scheduled jobs (deadline sweep) now, if this instance holds their lease.
  void RunJobsOnce();
  // Sends the due outbox messages to the webhook gateway now (tests); returns how many were delivered.
  std::int64_t SendWebhooksNow();
  // Runs the deadline sweep now (the `sweep` command); returns overdue clocks found and notices sent.
  std::pair<std::int64_t, std::int64_t> SweepDeadlinesNow();
  const Config& config() const { return config_; }

 private:
  struct Runtime;
  struct Services;
  Application(Config config, const Clock& clock, std::unique_ptr<store::Database> database,
              std::unique_ptr<Services> services);
  Config config_;
  const Clock& clock_;
  std::unique_ptr<store::Database> database_;
  std::unique_ptr<Services> services_;
  std::unique_ptr<Runtime> runtime_;
};

// Opens the configured database and applies migrations (used by `init` and `migrate` as well).
Result<std::unique_ptr<store::Database>> OpenMigratedDatabase(const Config& config, std::vector<std::string>* applied);

}  // namespace wagelink::app
