#include "domain/assessment_json.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>

#include "reference_data.h"

namespace wagelink::domain {
namespace {

using test::OfficialThresholds;

constexpr std::string_view kS1 = R"({
  "province": "hubei",
  "workers": [
    {"owed_yuan": 21300, "months_unpaid": 7}, {"owed_yuan": "12700.00", "months_unpaid": 7},
    {"owed_yuan": 12700, "months_unpaid": 7}, {"owed_yuan": 12700, "months_unpaid": 7},
    {"owed_yuan": 12700, "months_unpaid": 7}, {"owed_yuan": 12700, "months_unpaid": 7},
    {"owed_yuan": 12700, "months_unpaid": 7}, {"owed_yuan": 12700, "months_unpaid": 7},
    {"owed_yuan": 12700, "months_unpaid": 7}, {"owed_yuan": 12700, "months_unpaid": 7},
    {"owed_yuan": 12700, "months_unpaid": 7}, {"owed_yuan": 12700, "months_unpaid": 7},
    {"owed_yuan": 12700.0, "months_unpaid": 7}, {"owed_yuan": "12700", "months_unpaid": 7}
  ],
  "conduct": "abscond",
  "order": {"issued": true, "delivery": "posted_at_site", "deadline_passed": true, "paid_in_full": false},
  "paid_stage": "none",
  "serious_consequence": false,
  "employer_kind": "unqualified_contractor",
  "evidence": ["worker_statements", "posting_photo_video"]
})";

Error ParseError(std::string_view json) {
  const auto input = ParseAssessmentInput(json);
  if (input.ok()) throw std::runtime_error("expected an error for " + std::string(json));
  return input.error();
}

// A valid input with `field` replaced by `value` (raw JSON), for one-field error tests.
std::string With(std::string_view field, std::string_view value) {
  boost::json::object base = boost::json::parse(R"({
    "province": "hubei", "workers": [{"owed_yuan": 1000, "months_unpaid": 3}], "conduct": "unknown",
    "order": {"issued": true, "delivery": "served", "deadline_passed": true, "paid_in_full": false}})")
                                 .as_object();
  base[field] = boost::json::parse(value);
  return boost::json::serialize(base);
}

TEST(ParseAssessmentInput, ReadsTheFullContractIncludingAmountSpellings) {
  const auto input = ParseAssessmentInput(kS1);
  ASSERT_TRUE(input.ok()) << input.error().message_en;
  EXPECT_EQ(input->province, "hubei");
  ASSERT_EQ(input->workers.size(), 14u);
  EXPECT_EQ(input->workers[0].owed, Fen::FromYuan(21300).value());
  EXPECT_EQ(input->workers[1].owed, Fen::FromYuan(12700).value());
  EXPECT_EQ(input->workers[12].owed, Fen::FromYuan(12700).value());
  EXPECT_EQ(input->workers[0].months_unpaid, 7);
  EXPECT_EQ(input->conduct, Conduct::kAbscond);
  EXPECT_EQ(input->order.delivery, OrderDelivery::kPostedAtSite);
  EXPECT_EQ(input->employer_kind, EmployerKind::kUnqualifiedContractor);
  EXPECT_EQ(input->evidence_on_file.size(), 2u);
}

TEST(ParseAssessmentInput, AcceptsFractionalYuanAsNumberAndString) {
  const auto input = ParseAssessmentInput(With("workers", R"([{"owed_yuan": 8100.5, "months_unpaid": 3},
                                                              {"owed_yuan": "0.01", "months_unpaid": 0}])"));
  ASSERT_TRUE(input.ok());
  EXPECT_EQ(input->workers[0].owed.fen(), 810050);
  EXPECT_EQ(input->workers[1].owed.fen(), 1);
}

TEST(ParseAssessmentInput, AppliesDocumentedDefaults) {
  const auto input = ParseAssessmentInput(With("conduct", R"("able_but_refused")"));
  ASSERT_TRUE(input.ok());
  EXPECT_EQ(input->paid_stage, PaidStage::kNone);
  EXPECT_FALSE(input->serious_consequence);
  EXPECT_FALSE(input->mass_incident);
  EXPECT_FALSE(input->employer_kind.has_value());
}

TEST(ParseAssessmentInput, ReadsTotalsInsteadOfAWorkerList) {
  const auto input = ParseAssessmentInput(R"({"province": "hubei", "workers_count": 14, "total_owed_yuan": "186400",
    "conduct": "abscond", "order": {"issued": false}})");
  ASSERT_TRUE(input.ok()) << input.error().message_en;
  ASSERT_TRUE(input->aggregate.has_value());
  EXPECT_EQ(input->aggregate->workers_count, 14);
  EXPECT_EQ(input->aggregate->total_owed, Fen::FromYuan(186400).value());
  EXPECT_FALSE(input->order.issued);
}

struct BadInput {
  std::string json;
  std::string field;
};

TEST(ParseAssessmentInput, NamesTheOffendingFieldForEveryKindOfBadValue) {
  const std::string worker_list = R"([{"owed_yuan": 1, "months_unpaid": 3}, {"owed_yuan": 1, "months_unpaid": 3},
      {"owed_yuan": 1, "months_unpaid": 3}, )";
  const std::vector<BadInput> cases{
      {With("workers", worker_list + R"({"owed_yuan": -5, "months_unpaid": 3}])"), "workers[3].owed_yuan"},
      {With("workers", worker_list + R"({"owed_yuan": "abc", "months_unpaid": 3}])"), "workers[3].owed_yuan"},
      {With("workers", worker_list + R"({"owed_yuan": "1.234", "months_unpaid": 3}])"), "workers[3].owed_yuan"},
      {With("workers", worker_list + R"({"owed_yuan": 1.005, "months_unpaid": 3}])"), "workers[3].owed_yuan"},
      {With("workers", worker_list + R"({"owed_yuan": true, "months_unpaid": 3}])"), "workers[3].owed_yuan"},
      {With("workers", worker_list + R"({"owed_yuan": 1e300, "months_unpaid": 3}])"), "workers[3].owed_yuan"},
      {With("workers", worker_list + R"({"owed_yuan": 18446744073709551615, "months_unpaid": 3}])"),
       "workers[3].owed_yuan"},
      {With("workers", worker_list + R"({"months_unpaid": 3}])"), "workers[3].owed_yuan"},
      {With("workers", worker_list + R"({"owed_yuan": 1, "months_unpaid": -1}])"), "workers[3].months_unpaid"},
      {With("workers", worker_list + R"({"owed_yuan": 1, "months_unpaid": 1.5}])"), "workers[3].months_unpaid"},
      {With("workers", worker_list + R"({"owed_yuan": 1, "months_unpaid": "3"}])"), "workers[3].months_unpaid"},
      {With("workers", worker_list + R"({"owed_yuan": 1, "months_unpaid": 99999}])"), "workers[3].months_unpaid"},
      {With("workers", worker_list + R"({"owed_yuan": 1, "months_unpaid": 3, "name": "张三"}])"), "workers[3].name"},
      {With("workers", worker_list + R"(7])"), "workers[3]"},
      {With("workers", "[]"), "workers"},
      {With("workers", R"({"owed_yuan": 1})"), "workers"},
      {With("workers_count", "14"), "workers"},
      {With("conduct", R"("fled")"), "conduct"},
      {With("conduct", "null"), "conduct"},
      {With("province", "3"), "province"},
      {With("province", R"("")"), "province"},
      {With("order", R"({"issued": true, "delivery": "served", "deadline_passed": true})"), "order.paid_in_full"},
      {With("order", R"({"issued": true, "delivery": "email", "deadline_passed": true, "paid_in_full": false})"),
       "order.delivery"},
      {With("order", R"({"delivery": "served"})"), "order.issued"},
      {With("order", R"({"issued": "yes"})"), "order.issued"},
      {With("order", R"({"issued": false, "delivery": "served"})"), "order.delivery"},
      {With("order", R"({"issued": false, "paid_in_full": true})"), "order.paid_in_full"},
      {With("order", R"({"issued": false, "deadline": "2025-12-10"})"), "order.deadline"},
      {With("order", "true"), "order"},
      {With("paid_stage", R"("after_judgment")"), "paid_stage"},
      {With("serious_consequence", R"("no")"), "serious_consequence"},
      {With("employer_kind", R"("company")"), "employer_kind"},
      {With("mass_incident", "1"), "mass_incident"},
      {With("evidence", R"(["worker_statements", "selfie"])"), "evidence[1]"},
      {With("evidence", R"("worker_statements")"), "evidence"},
      {With("province_name", R"("湖北")"), "province_name"},
      {R"({"workers_count": 3, "total_owed_yuan": 100, "conduct": "unknown", "order": {"issued": false}})", "province"},
      {R"({"province": "hubei", "workers_count": 0, "total_owed_yuan": 100, "conduct": "unknown", "order": {"issued": false}})",
       "workers_count"},
      {R"({"province": "hubei", "workers_count": 3, "conduct": "unknown", "order": {"issued": false}})",
       "total_owed_yuan"},
      {R"({"province": "hubei", "workers_count": 3, "total_owed_yuan": -1, "conduct": "unknown", "order": {"issued": false}})",
       "total_owed_yuan"},
      {R"({"province": "hubei", "workers": [{"owed_yuan": 1, "months_unpaid": 1}], "conduct": "unknown"})", "order"},
      {R"([1, 2])", ""},
  };
  for (const BadInput& bad : cases) {
    const Error error = ParseError(bad.json);
    EXPECT_EQ(error.code, ErrorCode::kValidationFailed) << bad.json;
    EXPECT_EQ(error.field, bad.field) << bad.json;
    EXPECT_FALSE(error.message_zh.empty());
    EXPECT_FALSE(error.message_en.empty());
  }
}

TEST(ParseAssessmentInput, ReportsSyntaxErrorsAsInvalidJson) {
  EXPECT_EQ(ParseError("{\"province\": ").code, ErrorCode::kInvalidJson);
  EXPECT_EQ(ParseError("").code, ErrorCode::kInvalidJson);
  EXPECT_EQ(ParseError(std::string(1000, '[') + std::string(1000, ']')).code, ErrorCode::kInvalidJson);  // too deep
}

TEST(ParseAssessmentInput, CapsTheNumberOfWorkers) {
  std::string huge = R"({"province": "hubei", "conduct": "unknown", "order": {"issued": false}, "workers": [)";
  for (std::size_t i = 0; i <= kMaxAssessedWorkers; ++i) huge += i == 0 ? "1" : ",1";
  huge += "]}";
  const Error error = ParseError(huge);
  EXPECT_EQ(error.field, "workers");
  EXPECT_NE(error.message_en.find("too many"), std::string::npos);
  EXPECT_EQ(ParseError(R"({"province": "hubei", "workers_count": 100001, "total_owed_yuan": 1, "conduct": "unknown",
                          "order": {"issued": false}})")
                .field,
            "workers_count");
}

TEST(ParseAssessmentInput, RefusesATotalThatOverflows) {
  const Error error = ParseError(With("workers", R"([{"owed_yuan": "92233720368547758", "months_unpaid": 1},
                                                     {"owed_yuan": "92233720368547758", "months_unpaid": 1}])"));
  EXPECT_EQ(error.field, "workers");
}

TEST(AssessJson, RendersTheS1ContractUnderHubei) {
  const auto output = AssessJson(kS1, OfficialThresholds());
  ASSERT_TRUE(output.ok()) << output.error().message_en;
  const boost::json::object& out = output->as_object();
  EXPECT_EQ(out.at("recommendation").as_string(), "transfer");
  EXPECT_EQ(out.at("crime_elements_met").as_bool(), true);
  EXPECT_EQ(out.at("sentence_band").as_string(), "up_to_3_years");
  EXPECT_TRUE(out.at("mitigation").is_null());
  EXPECT_EQ(out.at("blacklist_eligible").as_bool(), true);
  EXPECT_EQ(out.at("blacklist").as_object().at("eligible").as_bool(), true);

  const boost::json::object& amount = out.at("amount_threshold").as_object();
  EXPECT_EQ(amount.at("profile").as_string(), "hubei");
  EXPECT_EQ(amount.at("per_worker_yuan").as_int64(), 10000);
  EXPECT_EQ(amount.at("aggregate_yuan").as_int64(), 50000);
  EXPECT_EQ(amount.at("met").as_bool(), true);
  EXPECT_EQ(amount.at("prong").as_int64(), 2);
  EXPECT_EQ(amount.at("total_owed_yuan").as_string(), "186400.00");
  EXPECT_EQ(amount.at("status").as_string(), "SECONDARY");

  const boost::json::array& elements = out.at("elements").as_array();
  std::vector<std::string> ids;
  for (const auto& element : elements) {
    const boost::json::object& e = element.as_object();
    ids.emplace_back(e.at("id").as_string());
    EXPECT_TRUE(e.at("met").is_bool() || e.at("met").is_null());
    EXPECT_TRUE(e.at("basis").is_string());
    EXPECT_TRUE(e.at("explain_zh").is_string());
    EXPECT_TRUE(e.at("explain_en").is_string());
  }
  EXPECT_EQ(std::vector<std::string>(ids.begin(), ids.begin() + 4),
            (std::vector<std::string>{"conduct", "amount", "order", "not_paid_within_deadline"}));

  // Listed evidence is not asked for again; the rest is.
  std::vector<std::string> missing;
  for (const auto& gap : out.at("missing_evidence").as_array())
    missing.emplace_back(gap.as_object().at("id").as_string());
  EXPECT_EQ(std::count(missing.begin(), missing.end(), "posting_photo_video"), 0);
  EXPECT_EQ(std::count(missing.begin(), missing.end(), "abscond_notice_record"), 1);
  for (const auto& gap : out.at("missing_evidence").as_array()) {
    EXPECT_FALSE(gap.as_object().at("basis").as_string().empty());
  }
}

TEST(AssessJson, RendersUnknownsAsNullForUnconfiguredHebeiBetweenTheNationalBounds) {
  // 11 workers owed 5,000 each for 4 months: inside both national ranges, so unknown until Hebei's figure is set.
  std::string input(kS1);
  input.replace(input.find("\"hubei\""), 7, "\"hebei\"");
  boost::json::object parsed = boost::json::parse(input).as_object();
  boost::json::array workers;
  for (int i = 0; i < 11; ++i) workers.push_back({{"owed_yuan", 5000}, {"months_unpaid", 4}});
  parsed["workers"] = std::move(workers);
  input = boost::json::serialize(parsed);
  const auto output = AssessJson(input, OfficialThresholds());
  ASSERT_TRUE(output.ok());
  const boost::json::object& out = output->as_object();
  EXPECT_TRUE(out.at("crime_elements_met").is_null());
  EXPECT_EQ(out.at("recommendation").as_string(), "consult");
  EXPECT_TRUE(out.at("sentence_band").is_null());
  EXPECT_TRUE(out.at("blacklist_eligible").is_null());
  const boost::json::object& amount = out.at("amount_threshold").as_object();
  EXPECT_TRUE(amount.at("per_worker_yuan").is_null());
  EXPECT_TRUE(amount.at("met").is_null());
  EXPECT_TRUE(amount.at("prong").is_null());
  EXPECT_EQ(amount.at("configured").as_bool(), false);
  EXPECT_EQ(amount.at("status").as_string(), "UNCONFIRMED");
}

TEST(AssessJson, RendersMitigationWhenPaid) {
  std::string input(kS1);
  input.replace(input.find("\"paid_stage\": \"none\""), 20, "\"paid_stage\": \"before_filing\"");
  const auto output = AssessJson(input, OfficialThresholds());
  ASSERT_TRUE(output.ok());
  const boost::json::object& out = output->as_object();
  EXPECT_EQ(out.at("recommendation").as_string(), "administrative");
  const boost::json::object& mitigation = out.at("mitigation").as_object();
  EXPECT_EQ(mitigation.at("stage").as_string(), "before_filing");
  EXPECT_FALSE(mitigation.at("effect_zh").as_string().empty());
  EXPECT_FALSE(mitigation.at("effect_en").as_string().empty());
  EXPECT_FALSE(mitigation.at("basis").as_string().empty());
}

TEST(AssessJson, RefusesAnUnknownProvinceListingTheKnownOnes) {
  std::string input(kS1);
  input.replace(input.find("\"hubei\""), 7, "\"tibet\"");
  const auto output = AssessJson(input, OfficialThresholds());
  ASSERT_FALSE(output.ok());
  EXPECT_EQ(output.error().code, ErrorCode::kValidationFailed);
  EXPECT_EQ(output.error().field, "province");
  EXPECT_NE(output.error().message_en.find("jiangsu"), std::string::npos);
}

TEST(AssessJson, PropagatesInputErrors) {
  const auto output = AssessJson("{}", OfficialThresholds());
  ASSERT_FALSE(output.ok());
  EXPECT_EQ(output.error().field, "province");
}

}  // namespace
}  // namespace wagelink::domain
