#include "domain/body.h"

#include <gtest/gtest.h>

namespace wagelink::domain {
namespace {

TEST(Body, UsesTheCodesOfTheTimeLimitData) {
  for (const Body body : {Body::kHrss, Body::kWageOffice, Body::kPolice, Body::kProcuratorate, Body::kCourt,
                          Body::kJustice, Body::kLeadership, Body::kEmployer}) {
    EXPECT_EQ(ParseBodyCode(BodyCode(body)), body);
    EXPECT_FALSE(BodyNameZh(body).empty());
    EXPECT_FALSE(BodyNameEn(body).empty());
  }
  EXPECT_EQ(BodyCode(Body::kWageOffice), "wage_office");
  EXPECT_EQ(ParseBodyCode("army"), std::nullopt);
}

}  // namespace
}  // namespace wagelink::domain
