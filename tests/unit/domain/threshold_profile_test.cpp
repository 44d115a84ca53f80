#include "domain/threshold_profile.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "reference_data.h"

namespace wagelink::domain {
namespace {

using test::OfficialThresholds;

struct ExpectedProfile {
  std::string_view id;
  std::optional<std::int64_t> per_worker_yuan;
  std::optional<std::int64_t> aggregate_yuan;
  SourceStatus status;
};

// LEGAL.md §1.3.
const std::vector<ExpectedProfile> kLegalTable{
    {"national-min", 5000, 30000, SourceStatus::kConfirmed},
    {"national-max", 20000, 100000, SourceStatus::kConfirmed},
    {"unset", std::nullopt, std::nullopt, SourceStatus::kUnconfirmed},  // no province chosen yet
    {"hebei", std::nullopt, std::nullopt, SourceStatus::kUnconfirmed},
    {"henan", 8000, 40000, SourceStatus::kSecondary},
    {"hunan", 6000, 40000, SourceStatus::kSecondary},
    {"hubei", 10000, 50000, SourceStatus::kSecondary},
    {"hubei-poverty-counties", 5000, 30000, SourceStatus::kSecondary},
    {"guizhou", 10000, 50000, SourceStatus::kSecondary},
    {"liaoning", 10000, 50000, SourceStatus::kSecondary},
    {"chongqing", 10000, 60000, SourceStatus::kSecondary},
    {"jiangsu", 10000, 60000, SourceStatus::kSecondary},
    {"jiangxi", 10000, 50000, SourceStatus::kSecondary},
};

std::optional<std::int64_t> Yuan(const std::optional<Fen>& amount) {
  if (!amount) return std::nullopt;
  return amount->fen() / 100;
}

TEST(ThresholdCatalog, MatchesTheTableOfLegalMd13) {
  EXPECT_EQ(OfficialThresholds().profiles().size(), kLegalTable.size());
  for (const ExpectedProfile& expected : kLegalTable) {
    SCOPED_TRACE(std::string(expected.id));
    const ThresholdProfile* profile = OfficialThresholds().Find(expected.id);
    ASSERT_NE(profile, nullptr);
    EXPECT_EQ(Yuan(profile->per_worker), expected.per_worker_yuan);
    EXPECT_EQ(Yuan(profile->aggregate), expected.aggregate_yuan);
    EXPECT_EQ(profile->status, expected.status);
    EXPECT_EQ(profile->configured, expected.per_worker_yuan.has_value());
    // 法释〔2013〕3号 §3: 3 months (prong 1) and 10 workers (prong 2) everywhere.
    EXPECT_EQ(profile->min_months_per_worker, 3);
    EXPECT_EQ(profile->min_workers_aggregate, 10);
    EXPECT_FALSE(profile->name_zh.empty());
    EXPECT_FALSE(profile->note.empty() && profile->source_url.empty());
  }
}

TEST(ThresholdCatalog, HebeiLoadsUnconfiguredWithAnExplanation) {
  const ThresholdProfile* hebei = OfficialThresholds().Find("hebei");
  ASSERT_NE(hebei, nullptr);
  EXPECT_FALSE(hebei->configured);
  EXPECT_FALSE(hebei->per_worker.has_value());
  EXPECT_NE(hebei->note.find("运营方"), std::string::npos);
}

TEST(ThresholdCatalog, OperatorConfiguresHebeiWithinTheNationalRange) {
  const auto catalog = OfficialThresholds().WithOverrides(
      R"({"hebei": {"per_worker_yuan": 10000, "aggregate_yuan": 50000, "document": "冀高法〔X〕号", "effective": "2014-01-01"}})");
  ASSERT_TRUE(catalog.ok()) << catalog.error().message_en;
  const ThresholdProfile* hebei = catalog->Find("hebei");
  EXPECT_TRUE(hebei->configured);
  EXPECT_EQ(hebei->per_worker, Fen::FromYuan(10000).value());
  EXPECT_EQ(hebei->status, SourceStatus::kLocal);
  EXPECT_EQ(hebei->effective, "2014-01-01");
  EXPECT_FALSE(OfficialThresholds().Find("hebei")->configured);  // original untouched
}

TEST(ThresholdCatalog, OperatorOverridesOutsideTheLawAreRefused) {
  for (const std::string_view overrides :
       {R"({"hebei": {"per_worker_yuan": 4999, "aggregate_yuan": 50000, "document": "d"}})",
        R"({"hebei": {"per_worker_yuan": 10000, "aggregate_yuan": 100001, "document": "d"}})",
        R"({"hebei": {"per_worker_yuan": 10000, "document": "d"}})",
        R"({"hebei": {"per_worker_yuan": 10000, "aggregate_yuan": 50000}})",
        R"({"national-min": {"per_worker_yuan": 6000, "aggregate_yuan": 30000, "document": "d"}})",
        R"({"tibet": {"per_worker_yuan": 10000, "aggregate_yuan": 50000, "document": "d"}})",
        R"({"hebei": {"per_worker_yuan": 10000.5, "aggregate_yuan": 50000, "document": "d"}})",
        R"({"hebei": {"per_worker_yuan": 10000, "aggregate_yuan": 50000, "document": "d", "x": 1}})", "[1]", "{"}) {
    EXPECT_FALSE(OfficialThresholds().WithOverrides(overrides).ok()) << overrides;
  }
}

std::string Catalog(std::string_view extra_profile) {
  return R"({"schema": "wagelink.thresholds/1", "amount_unit": "yuan", "profiles": [
    {"id": "national-min", "name_zh": "下限", "name_en": "min", "per_worker_yuan": 5000, "aggregate_yuan": 30000,
     "min_workers_aggregate": 10, "min_months_per_worker": 3, "status": "CONFIRMED"},
    {"id": "national-max", "name_zh": "上限", "name_en": "max", "per_worker_yuan": 20000, "aggregate_yuan": 100000,
     "min_workers_aggregate": 10, "min_months_per_worker": 3, "status": "CONFIRMED"})" +
         std::string(extra_profile) + "]}";
}

TEST(ThresholdCatalogParse, RefusesFiguresOutsideTheNationalRangeAndHalfConfiguredProfiles) {
  EXPECT_TRUE(ThresholdCatalog::Parse(Catalog("")).ok());
  const std::string base = R"(, {"id": "p", "name_zh": "p", "name_en": "p", "min_workers_aggregate": 10,
     "min_months_per_worker": 3, )";
  EXPECT_TRUE(ThresholdCatalog::Parse(
                  Catalog(base + R"("per_worker_yuan": 10000, "aggregate_yuan": 50000, "status": "SECONDARY"})"))
                  .ok());
  for (
      const std::string& profile :
      {base + R"("per_worker_yuan": 25000, "aggregate_yuan": 50000, "status": "SECONDARY"})",
       base + R"("per_worker_yuan": 10000, "aggregate_yuan": 20000, "status": "SECONDARY"})",
       base + R"("per_worker_yuan": 10000, "aggregate_yuan": null, "status": "SECONDARY"})",
       base + R"("per_worker_yuan": null, "aggregate_yuan": null, "status": "SECONDARY"})",
       base + R"("per_worker_yuan": 10000, "aggregate_yuan": 50000, "status": "PLATFORM_SETTING"})",
       base + R"("aggregate_yuan": 50000, "status": "SECONDARY"})",
       std::string(
           R"(, {"id": "national-min", "name_zh": "x", "name_en": "x", "per_worker_yuan": 5000, "aggregate_yuan": 30000,
     "min_workers_aggregate": 10, "min_months_per_worker": 3, "status": "CONFIRMED"})")}) {
    EXPECT_FALSE(ThresholdCatalog::Parse(Catalog(profile)).ok()) << profile;
  }
  EXPECT_FALSE(
      ThresholdCatalog::Parse(R"({"schema": "wagelink.thresholds/1", "amount_unit": "yuan", "profiles": []})").ok());
  EXPECT_FALSE(
      ThresholdCatalog::Parse(R"({"schema": "wagelink.thresholds/1", "amount_unit": "fen", "profiles": []})").ok());
}

}  // namespace
}  // namespace wagelink::domain
