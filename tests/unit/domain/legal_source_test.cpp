#include "domain/legal_source.h"

#include <gtest/gtest.h>

namespace wagelink::domain {
namespace {

TEST(SourceStatus, RoundTripsTheTagsOfLegalMd) {
  for (const SourceStatus status : {SourceStatus::kConfirmed, SourceStatus::kSecondary, SourceStatus::kLocal,
                                    SourceStatus::kUnconfirmed, SourceStatus::kPlatformSetting}) {
    EXPECT_EQ(ParseSourceStatus(SourceStatusName(status)), status);
  }
  EXPECT_EQ(SourceStatusName(SourceStatus::kUnconfirmed), "UNCONFIRMED");
  EXPECT_EQ(ParseSourceStatus("confirmed"), std::nullopt);  // tags are upper case in data
}

}  // namespace
}  // namespace wagelink::domain
