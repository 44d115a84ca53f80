// The log searches: Beijing days become the UTC instants the logs store, and every part that does not
// hold is refused with its field named rather than dropped (an export must never widen silently).
#include "services/log_search.h"

#include <gtest/gtest.h>

#include "domain/civil_date.h"
#include "services/zh_text.h"

namespace wagelink::services {
namespace {

TEST(LogSearch, BeijingDaysBecomeUtcInstantsWithBothDaysIncluded) {
  auto filter = ReadAuditSearch({.from = "2025-12-23", .to = "2025-12-24"});
  ASSERT_TRUE(filter);
  EXPECT_EQ(filter->from_at, "2025-12-22T16:00:00Z");
  EXPECT_EQ(filter->until_at, "2025-12-24T16:00:00Z");
  auto logins = ReadLoginSearch({.from = "2026-01-01"});
  ASSERT_TRUE(logins);
  EXPECT_EQ(logins->from_at, "2025-12-31T16:00:00Z");
  EXPECT_EQ(logins->until_at, "");
}

TEST(LogSearch, AnEmptySearchMatchesEverything) {
  auto filter = ReadAuditSearch({});
  ASSERT_TRUE(filter);
  EXPECT_EQ(filter->from_at, "");
  EXPECT_EQ(filter->action, "");
  auto logins = ReadLoginSearch({});
  ASSERT_TRUE(logins);
  EXPECT_FALSE(logins->success.has_value());
}

TEST(LogSearch, WhatDoesNotHoldIsRefusedWithItsField) {
  auto field_of = [](const Result<store::AuditFilter>& r) { return r ? std::string() : r.error().field; };
  EXPECT_EQ(field_of(ReadAuditSearch({.from = "2025-12-32"})), "from");
  EXPECT_EQ(field_of(ReadAuditSearch({.to = "2025/12/01"})), "to");
  EXPECT_EQ(field_of(ReadAuditSearch({.from = "2025-12-02", .to = "2025-12-01"})), "from");
  EXPECT_EQ(field_of(ReadAuditSearch({.to = "9999-12-31"})), "to") << "its day after would not sort as text";
  EXPECT_EQ(field_of(ReadAuditSearch({.body = "employer"})), "body") << "not a body of the mechanism's users";
  EXPECT_EQ(field_of(ReadAuditSearch({.action = "auth.login' OR 1=1"})), "action");
  EXPECT_EQ(field_of(ReadAuditSearch({.actor = std::string(129, 'x')})), "actor");
  EXPECT_EQ(field_of(ReadAuditSearch({.from = "2025-12-01", .to = "2025-12-01"})), "") << "one day is a range";
  auto success = ReadLoginSearch({.success = "yes"});
  ASSERT_FALSE(success);
  EXPECT_EQ(success.error().field, "success");
  EXPECT_EQ(ReadLoginSearch({.success = "false"})->success, false);
}

TEST(LogSearch, ExportTimesAreBeijingTimeToTheSecond) {
  auto at = domain::Instant::ParseRfc3339("2026-12-05T02:15:03Z");
  ASSERT_TRUE(at);
  EXPECT_EQ(SecondZh(*at), "2026年12月5日 10:15:03");
  EXPECT_EQ(SecondZh(*domain::Instant::ParseRfc3339("2026-12-31T16:00:00Z")), "2027年1月1日 00:00:00");
}

}  // namespace
}  // namespace wagelink::services
