#pragma once
// Wires one running WageLink: database pool (migrated), services, router, HTTP server.
// Used by `wagelink serve` and, in-process, by the API tests.
#include <memory>

#include "app/config.h"
#include "core/clock.h"
#include "core/error.h"
#include "store/database.h"

namespace wagelink::app {

class Application {
 public:
  // Opens the database and applies pending migrations.
  static Result<std::unique_ptr<Application>> Open(const Config& config, const Clock& clock);
  ~Application();

  // Starts serving; returns the bound port.
  std::uint16_t Start();
  void Shutdown();
  void Wait();

  store::Database& database() { return *database_; }
  const Config& config() const { return config_; }

 private:
  struct Runtime;
  Application(Config config, const Clock& clock, std::unique_ptr<store::Database> database);
  Config config_;
  const Clock& clock_;
  std::unique_ptr<store::Database> database_;
  std::unique_ptr<Runtime> runtime_;
};

// Opens the configured database and applies migrations (used by `init` and `migrate` as well).
Result<std::unique_ptr<store::Database>> OpenMigratedDatabase(const Config& config, std::vector<std::string>* applied);

}  // namespace wagelink::app
