#pragma once
// Test support for the audit log tests: audited changes to fill the log, and the attacker's first
// step, a database connection with the append-only triggers of both audit tables dropped.
#include <gtest/gtest.h>

#include <memory>
#include <stdexcept>
#include <string>

#include "store/database.h"
#include "support/test_server.h"

namespace wagelink::testing {

// `count` audited writes (liaison records) by the coordinator, after its login.
inline void MakeAuditedChanges(TestServer& server, int count) {
  HttpClient coordinator = server.LoginAs("coordinator");
  for (int i = 0; i < count; ++i) {
    auto r = coordinator.PostJson("/api/v1/liaisons", {{"body_code", "court"}, {"name", "联络员" + std::to_string(i)},
                                                       {"title", "科员"}, {"phone", "4037263"}});
    ASSERT_EQ(r.status, 201);
  }
}

inline std::unique_ptr<store::Connection> TamperConnection(const TestServer& server) {
  auto c = store::Connect(server.database_url());
  if (!c) throw std::runtime_error(c.error().message_en);
  const bool sqlite = (*c)->dialect() == store::Dialect::kSqlite;
  for (const std::string table : {"audit_log", "audit_checkpoints"}) {
    for (const std::string& trigger : {table + "_no_update", table + "_no_delete"}) {
      (*c)->ExecuteScript("DROP TRIGGER " + trigger + (sqlite ? "" : " ON " + table));
    }
  }
  return std::move(c.value());
}

}  // namespace wagelink::testing
