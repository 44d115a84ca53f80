// The privacy check before publication (人社部令第29号: no personal privacy, no secrets) against hostile
// drafts: full-width digits, digits split by spaces and line breaks, ID numbers with the X check
// character, worker names spaced out or in mixed scripts, confidentiality markers and HTML/script.
#include "services/publication_privacy.h"

#include <gtest/gtest.h>

#include <set>

namespace wagelink::services {
namespace {

PublicationText Draft(const std::string& main_facts, std::vector<std::string> confidential = {}) {
  return {{{"violator_name", "某劳务分包队"},
           {"credit_code", "91110000MA0012345C"},
           {"address", "某区滨海路 88 号"},
           {"legal_representative", "王某"},
           {"main_facts", main_facts},
           {"handling", "已移送公安机关"}},
          std::move(confidential),
          {"张建国", "李德明", "Zhang Wei"}};
}

std::set<std::string> Kinds(const std::vector<PrivacyFinding>& findings) {
  std::set<std::string> out;
  for (const auto& f : findings) out.insert(f.kind);
  return out;
}

TEST(PublicationPrivacy, CleanSixFieldsPass) {
  EXPECT_TRUE(ScreenForPublication(Draft("拖欠 14 名农民工工资共计 18.64 万元，经责令限期支付逾期未支付。")).empty());
}

TEST(PublicationPrivacy, PhoneInFullWidthDigitsWithSpacesIsBlockedAndMasked) {
  auto findings = ScreenForPublication(Draft("联系人电话：１３８ ００１３ ８０００，请速联系。"));
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].field, "main_facts");
  EXPECT_EQ(findings[0].kind, "phone");
  EXPECT_EQ(findings[0].excerpt.find("00138"), std::string::npos) << "the reviewer never sees the full number";
  EXPECT_NE(findings[0].zh.find("手机号码"), std::string::npos);
  EXPECT_FALSE(findings[0].en.empty());
}

TEST(PublicationPrivacy, IdNumbersWithTheXCheckCharacterInAnyWidthOrCase) {
  for (const char* text : {"身份证11010519491231002X", "身份证 110105 19491231 002x", "１１０１０５１９４９１２３１００２Ｘ",
                           "110105\n19491231\n002X"}) {
    // Split ID numbers may also yield a phone-shaped middle group (pii_scan): over-blocking is safe.
    EXPECT_TRUE(Kinds(ScreenForPublication(Draft(text))).contains("id_number")) << text;
  }
}

TEST(PublicationPrivacy, BankCardsAndPhonesGluedToChineseText) {
  auto findings = ScreenForPublication(Draft("工资卡6222 0212 3456 7890 128已冻结，包工头手机+86 13800138000"));
  EXPECT_EQ(Kinds(findings), (std::set<std::string>{"bank_card", "phone"}));
}

TEST(PublicationPrivacy, WorkerNamesSpacedOutOrSplitByPunctuationOrFullWidth) {
  for (const char* text : {"工人张建国反映", "工人张 建 国反映", "工人张·建国反映", "工人李\u200b德明反映", "worker ZHANG  WEI said",
                           "worker Ｚｈａｎｇ Ｗｅｉ said"}) {
    auto findings = ScreenForPublication(Draft(text));
    ASSERT_EQ(Kinds(findings), std::set<std::string>{"worker_name"}) << text;
    EXPECT_EQ(findings[0].excerpt.find("建国"), std::string::npos) << "masked";
  }
  EXPECT_TRUE(ScreenForPublication(Draft("张某等 14 名工人")).empty()) << "a surname alone is not a name";
}

TEST(PublicationPrivacy, ConfidentialFieldsAndMarkersAreRefused) {
  auto marked = ScreenForPublication(Draft("拖欠工资。", {"address"}));
  ASSERT_EQ(marked.size(), 1u);
  EXPECT_EQ(marked[0].field, "address");
  EXPECT_EQ(marked[0].kind, "confidential");
  EXPECT_EQ(Kinds(ScreenForPublication(Draft("【内部】尚在核查的线索"))), std::set<std::string>{"confidential"});
  EXPECT_EQ(Kinds(ScreenForPublication(Draft("涉及商业秘密的合同价款"))), std::set<std::string>{"confidential"});
}

TEST(PublicationPrivacy, MarkupAndScriptInjectionAreRefused) {
  for (const char* text : {"<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "点击<a href=\"javascript:x\">这里</a>",
                           "</p><iframe>", "&#60;script&#62;", "<!-- hidden -->", "JavaScript:alert(1)"}) {
    EXPECT_TRUE(Kinds(ScreenForPublication(Draft(text))).contains("markup")) << text;
  }
  EXPECT_TRUE(ScreenForPublication(Draft("金额 < 100 万元")).empty()) << "a comparison is not markup";
}

TEST(PublicationPrivacy, FindingsInEveryFieldAreReportedWithTheirField) {
  PublicationText text = Draft("拖欠工资。");
  text.fields[3].second = "王某 13800138000";
  text.fields[2].second = "<b>地址</b>";
  auto findings = ScreenForPublication(text);
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(findings[0].field, "address");
  EXPECT_EQ(findings[1].field, "legal_representative");
}

TEST(PublicationPrivacy, StripMarkupLeavesOnlyText) {
  EXPECT_EQ(StripMarkup("# 典型案例\n<script>alert(1)</script>某公司<b>拖欠</b>工资<!-- x -->被判刑"),
            "# 典型案例\nalert(1)某公司拖欠工资被判刑");
  EXPECT_EQ(StripMarkup("a < b"), "a ＜ b");
  EXPECT_EQ(StripMarkup("unterminated <img src=x onerror=alert(1)"), "unterminated ");
}

}  // namespace
}  // namespace wagelink::services
