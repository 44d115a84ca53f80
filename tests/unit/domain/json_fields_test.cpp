#include "domain/json_fields.h"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

namespace wagelink::domain {
namespace {

TEST(JsonFields, NamesNestedPathsInErrors) {
  const boost::json::value value = boost::json::parse(R"({"count": "3", "flag": 1, "date": "2025-02-30"})");
  const JsonFields fields(value.as_object(), "order");
  EXPECT_EQ(fields.Integer("count", 0, 10).error().field, "order.count");
  EXPECT_EQ(fields.Bool("flag").error().field, "order.flag");
  EXPECT_EQ(fields.Date("date").error().field, "order.date");
  EXPECT_EQ(fields.String("missing").error().field, "order.missing");
  EXPECT_EQ(fields.OnlyKeys({"count", "flag"}).error().field, "order.date");
}

TEST(JsonFields, TreatsNullAsAbsentForOptionalValues) {
  const boost::json::value value = boost::json::parse(R"({"note": null, "limit": null})");
  const JsonFields fields(value.as_object(), "");
  EXPECT_TRUE(fields.Has("limit"));
  EXPECT_FALSE(fields.HasValue("limit"));
  EXPECT_FALSE(fields.OptionalString("note").value().has_value());
  EXPECT_FALSE(fields.OptionalInteger("limit", 0, 3).value().has_value());
  EXPECT_FALSE(fields.String("note").ok());
}

TEST(JsonFields, RefusesIntegersOutOfRangeAndNonIntegers) {
  const boost::json::value value = boost::json::parse(R"({"a": 11, "b": 1.0, "c": 18446744073709551615})");
  const JsonFields fields(value.as_object(), "");
  EXPECT_FALSE(fields.Integer("a", 0, 10).ok());
  EXPECT_FALSE(fields.Integer("b", 0, 10).ok());
  EXPECT_FALSE(fields.Integer("c", 0, INT64_MAX).ok());
}

TEST(JsonFields, CapsArraysBeforeTheyAreRead) {
  const boost::json::value value = boost::json::parse(R"({"list": [1, 2, 3]})");
  const JsonFields fields(value.as_object(), "");
  EXPECT_TRUE(fields.Array("list", 3).ok());
  EXPECT_FALSE(fields.Array("list", 2).ok());
}

TEST(ParseJsonText, ReportsSyntaxErrorsAsInvalidJson) {
  const auto parsed = ParseJsonText("{", "thresholds.json");
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.error().code, ErrorCode::kInvalidJson);
  EXPECT_NE(parsed.error().message_en.find("thresholds.json"), std::string::npos);
  EXPECT_FALSE(ParseJsonText("\"\xff\"", "x").ok());  // invalid UTF-8
}

}  // namespace
}  // namespace wagelink::domain
