#include "services/zh_text.h"

#include <array>
#include <cstdio>
#include <string_view>

#include "domain/zh_dates.h"

namespace wagelink::services {

std::string DateZh(domain::CivilDate d) { return domain::ZhDate(d); }

std::string MinuteZh(domain::Instant at) { return domain::ZhMinute(at); }

std::string SecondZh(domain::Instant at) {
  const domain::ShanghaiDateTime local = domain::ToShanghai(at);
  std::array<char, 48> hms{};
  std::snprintf(hms.data(), hms.size(), " %02d:%02d:%02d", local.hour(), local.minute(), local.second());
  return DateZh(local.date) + hms.data();
}

namespace {
struct ChannelName {
  std::string_view code, zh, en;
};
constexpr std::array<ChannelName, 6> kChannels{{
    {"12333", "12333 电话咨询投诉", "the 12333 hotline"},
    {"national_clue_platform", "全国根治欠薪线索反映平台", "the national wage-arrears clue platform"},
    {"walk_in", "来访投诉", "a visit in person"},
    {"petition", "信访转办", "a petition"},
    {"inspection", "日常巡视检查", "a routine inspection"},
    {"referral", "有关部门移交", "a referral by another body"},
}};
const ChannelName* FindChannel(const std::string& channel) {
  for (const auto& c : kChannels) {
    if (c.code == channel) return &c;
  }
  return nullptr;
}
}  // namespace

std::string ChannelZh(const std::string& channel) {
  const auto* c = FindChannel(channel);
  return c ? std::string(c->zh) : channel;
}

std::string ChannelEn(const std::string& channel) {
  const auto* c = FindChannel(channel);
  return c ? std::string(c->en) : channel;
}

// People see names, never login names (issue 14); the audited download names the account.
std::string DownloadWatermark(const std::string& display_name, const std::string& username, domain::Instant now) {
  return (display_name.empty() ? username : display_name) + " " + MinuteZh(now) + "下载";
}

}  // namespace wagelink::services
