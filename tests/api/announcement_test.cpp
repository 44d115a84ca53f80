// Issue 14, 通知公告: the joint meeting office publishes to every body, each body's inbox is told,
// everyone who opens it leaves a read receipt the publisher follows body by body, and a withdrawn
// announcement is gone for readers.
#include <gtest/gtest.h>

#include "support/test_server.h"

namespace wagelink::testing {
namespace {

boost::json::object Announcement() {
  return {{"title", "关于开展冬季根治欠薪专项行动的通知"},
          {"body", "各成员单位：\n自12月10日起开展为期两个月的专项行动，请于每周五报送进展。"}};
}

const boost::json::value* BodyIn(const boost::json::array& bodies, std::string_view code) {
  for (const auto& b : bodies) {
    if (b.at("body_code").as_string() == code) return &b;
  }
  return nullptr;
}

TEST(Announcements, PublishedToEveryBodyReadWithReceiptsAndWithdrawn) {
  TestServer server;
  HttpClient coordinator = server.LoginAs("coordinator");
  HttpClient police = server.LoginAs("police");
  const auto police_unread = police.Get("/api/v1/inbox").Json().at("unread").as_int64();

  EXPECT_EQ(police.PostJson("/api/v1/announcements", Announcement()).status, 403) << "readers do not publish";
  EXPECT_EQ(coordinator.PostJson("/api/v1/announcements", {{"title", "  "}, {"body", "正文"}}).status, 400);
  auto extra = Announcement();
  extra["pinned"] = true;
  EXPECT_EQ(coordinator.PostJson("/api/v1/announcements", extra).status, 400) << "unknown fields refused";
  auto published = coordinator.PostJson("/api/v1/announcements", Announcement());
  ASSERT_EQ(published.status, 201) << published.body;
  const std::string path = "/api/v1/announcements/" + std::to_string(published.Json().at("id").as_int64());

  EXPECT_EQ(coordinator.Get("/api/v1/announcements").Json().at("unread").as_int64(), 0) << "the publisher has read it";
  auto inbox = police.Get("/api/v1/inbox").Json();
  EXPECT_EQ(inbox.at("unread").as_int64(), police_unread + 1) << "every body's inbox is told";
  EXPECT_EQ(inbox.at("items").at(0).at("title_zh"), "通知公告：关于开展冬季根治欠薪专项行动的通知");

  auto listed = police.Get("/api/v1/announcements").Json();
  EXPECT_EQ(listed.at("unread").as_int64(), 1);
  EXPECT_FALSE(listed.at("can_publish").as_bool());
  EXPECT_TRUE(listed.at("items").at(0).at("read_at").is_null());
  auto opened = police.Get(path);
  ASSERT_EQ(opened.status, 200) << opened.body;
  EXPECT_EQ(opened.Json().at("body"), Announcement().at("body"));
  const auto read_at = opened.Json().at("read_at");
  EXPECT_FALSE(read_at.is_null());
  EXPECT_EQ(police.Get(path).Json().at("read_at"), read_at) << "the first reading counts";
  EXPECT_EQ(police.Get("/api/v1/announcements").Json().at("unread").as_int64(), 0);

  EXPECT_EQ(police.Get(path + "/receipts").status, 403);
  auto receipts = coordinator.Get(path + "/receipts");
  ASSERT_EQ(receipts.status, 200) << receipts.body;
  auto bodies = receipts.Json().at("bodies").as_array();
  const auto* police_body = BodyIn(bodies, "police");
  ASSERT_NE(police_body, nullptr) << receipts.body;
  EXPECT_EQ(police_body->at("read").as_int64(), 1);
  EXPECT_GE(police_body->at("people").as_int64(), 1);
  EXPECT_FALSE(police_body->at("body_name_zh").as_string().empty());
  EXPECT_FALSE(police_body->at("readers").at(0).at("read_at").is_null()) << "readers first";
  const auto* court = BodyIn(bodies, "court");
  ASSERT_NE(court, nullptr);
  EXPECT_EQ(court->at("read").as_int64(), 0);

  ASSERT_EQ(coordinator.Send("POST", path + "/withdraw").status, 200);
  EXPECT_EQ(coordinator.Send("POST", path + "/withdraw").status, 409);
  EXPECT_EQ(police.Get(path).status, 404) << "withdrawn: gone for readers";
  EXPECT_EQ(police.Get("/api/v1/announcements").Json().at("total").as_int64(), 0);
  auto kept = coordinator.Get("/api/v1/announcements").Json();
  EXPECT_FALSE(kept.at("items").at(0).at("withdrawn_at").is_null()) << "publishers still see it, marked";

  auto audit = server.LoginAs("auditor").Get("/api/v1/audit?action=announcement.publish");
  EXPECT_EQ(audit.Json().at("total").as_int64(), 1) << audit.body;
}

}  // namespace
}  // namespace wagelink::testing
