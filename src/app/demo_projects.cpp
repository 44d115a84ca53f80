#include "app/demo_projects.h"

#include <boost/json/parse.hpp>
#include <fmt/format.h>

#include "domain/validators.h"

namespace wagelink::app {
namespace {

constexpr const char* kNames[] = {"张伟", "王芳", "李娜", "刘洋", "陈静", "杨磊", "赵军", "黄敏", "周强", "吴丽",
                                  "徐明", "孙涛", "马超", "朱红", "胡斌", "郭亮", "何平", "高峰", "林海", "罗刚"};

Error Failed(const std::string& project, const Error& cause) {
  return MakeError(cause.code, "示范工程项目“" + project + "”加载失败：" + cause.message_zh,
                   "demo project " + project + " failed: " + cause.message_en, cause.field);
}

std::string Text(const boost::json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

std::int64_t Integer(const boost::json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v && v->is_int64() ? v->as_int64() : 0;
}

std::string WithCheck(const std::string& first17, std::optional<char> (*check)(std::string_view)) {
  return first17 + *check(first17);
}

services::ProjectParty Party(const boost::json::object& o) {
  return {Text(o, "name"), WithCheck(Text(o, "credit_code17"), domain::CreditCodeCheckCharacter)};
}

domain::Fen Yuan(const std::string& text) { return text.empty() ? domain::Fen() : domain::Fen::ParseYuan(text).value(); }

// A synthetic ID number for worker `w` of project `p`, completed with its check character.
std::string WorkerId(std::size_t p, int w) {
  return WithCheck(fmt::format("3301061985{:02}{:02}{:03}", 1 + w % 12, 1 + w % 28, p * 100 + static_cast<std::size_t>(w)),
                   domain::ResidentIdCheckCharacter);
}

// The month `months_ago` before `today`'s, as its first day.
domain::CivilDate MonthStart(domain::CivilDate today, int months_ago) {
  return domain::CivilDate::FromYmd(today.year(), today.month(), 1).value().AddMonthsClamped(-months_ago);
}

// The workers of a project who complain (by their index on its roster), through intake as a
// complaint about the project's contractor: the case is linked to the project as any complaint is.
Status FileDemoComplaint(services::CaseIntake& intake, const services::Principal& handler, const Clock& clock,
                         const boost::json::object& project, std::size_t p, const boost::json::object& spec) {
  const domain::CivilDate today = domain::ShanghaiDate(domain::Instant::FromUnixSeconds(clock.Now()));
  const int months = static_cast<int>(Integer(spec, "months"));
  services::ComplaintInput complaint;
  complaint.channel = Text(spec, "channel");
  complaint.received_at = domain::Instant::FromUnixSeconds(clock.Now() - Integer(spec, "days_ago") * 86'400);
  const auto contractor = Party(project.at("contractor").as_object());
  complaint.employer = {contractor.name, contractor.credit_code, "unit", Text(project, "location"), ""};
  complaint.project_name = Text(project, "name");
  complaint.summary = Text(spec, "summary");
  const auto first = static_cast<int>(Integer(spec, "first_worker"));
  for (int w = first; w < first + Integer(spec, "workers"); ++w) {
    services::WorkerInput worker;
    worker.name = kNames[w % 20];
    worker.id_number = WorkerId(p, w);
    worker.owed = Yuan(Text(spec, "owed_yuan_each"));
    worker.months_unpaid = months;
    worker.period_from = MonthStart(today, months).ToIso().substr(0, 7);
    worker.period_to = MonthStart(today, 1).ToIso().substr(0, 7);
    complaint.workers.push_back(std::move(worker));
  }
  auto created = intake.CreateComplaint(handler, complaint);
  if (!created) return created.error();
  return Ok{};
}

}  // namespace

Result<int> LoadDemoProjects(services::ProjectService& projects, services::CaseIntake& intake, services::AuthService& auth,
                             const Clock& clock, std::string_view json) {
  auto handler = auth.PrincipalFor("handler", {"", "demo-projects"});
  if (!handler) return handler.error();
  auto existing = projects.List(*handler, "", 1, 0);
  if (!existing) return existing.error();
  if (existing->total > 0) return 0;
  boost::system::error_code ec;
  const boost::json::value root = boost::json::parse(json, ec);
  if (ec) return MakeError(ErrorCode::kValidationFailed, "示范工程项目文件格式错误", "demo projects file is not JSON");
  const domain::CivilDate today = domain::ShanghaiDate(domain::Instant::FromUnixSeconds(clock.Now()));
  const auto days_ago = [&](const boost::json::object& o, std::string_view key) -> std::optional<domain::CivilDate> {
    if (!o.contains(key)) return std::nullopt;
    return today.AddDays(-Integer(o, key));
  };
  int created = 0;
  const auto& list = root.at("projects").as_array();
  for (std::size_t p = 0; p < list.size(); ++p) {
    const auto& o = list[p].as_object();
    services::ProjectInput in;
    in.name = Text(o, "name");
    in.location = Text(o, "location");
    in.builder = Party(o.at("builder").as_object());
    in.contractor = Party(o.at("contractor").as_object());
    in.contractor_site_office = Text(o, "contractor_site_office");
    in.sector_authority = Text(o, "sector_authority");
    in.labour_officer_name = Text(o, "labour_officer_name");
    in.contract_sum_fen = Yuan(Text(o, "contract_sum_yuan")).fen();
    in.contract_signed_on = *days_ago(o, "contract_signed_days_ago");
    in.pay_day = Integer(o, "pay_day");
    in.special_account_bank = Text(o, "special_account_bank");
    in.special_account_opened_on = days_ago(o, "special_account_opened_days_ago");
    in.wage_deposit = Text(o, "wage_deposit");
    in.wage_deposit_amount_fen = Yuan(Text(o, "wage_deposit_amount_yuan")).fen();
    if (o.contains("wage_deposit_rate_permille")) in.wage_deposit_rate_permille = Integer(o, "wage_deposit_rate_permille");
    in.notice_board_up = o.at("notice_board_up").as_bool();
    auto registered = projects.Register(*handler, in);
    if (!registered) return Failed(in.name, registered.error());
    ++created;
    const auto id = registered->project.id;
    for (const auto& month_value : o.at("months").as_array()) {
      const auto& m = month_value.as_object();
      const domain::CivilDate start = MonthStart(today, static_cast<int>(Integer(m, "months_ago")));
      const std::string month = start.ToIso().substr(0, 7);
      const int workers = static_cast<int>(Integer(m, "workers"));
      const int paid = static_cast<int>(Integer(m, "paid"));
      // As the data would arrive: the bank's statement and the pay sheet (paid on the 10th of the
      // next month, if that day has come), then the roster.
      services::FeedInput account{"account", month, {}, "browser"};
      if (const auto labour = Yuan(Text(m, "labour_cost_yuan")); labour.fen() > 0) {
        account.rows.push_back({"", "", 0, labour.fen(), start.AddDays(4), false, "labour_cost"});
      }
      services::FeedInput payroll{"payroll", month, {}, "browser"};
      const domain::CivilDate paid_on = start.AddMonthsClamped(1).AddDays(9);
      for (int w = 0; w < paid && paid_on <= today; ++w) {
        payroll.rows.push_back({WorkerId(p, w), kNames[w % 20], 0, 680'000, paid_on, true, ""});
      }
      services::FeedInput attendance{"attendance", month, {}, "browser"};
      for (int w = 0; w < workers; ++w) attendance.rows.push_back({WorkerId(p, w), kNames[w % 20], 22, 0, std::nullopt, false, ""});
      for (const auto* feed : {&account, &payroll, &attendance}) {
        if (feed->kind == "payroll" && feed->rows.empty()) continue;
        if (auto received = projects.ReceiveFeed(*handler, id, *feed); !received) return Failed(in.name, received.error());
      }
    }
    if (const auto* complaint = o.if_contains("complaint")) {
      if (auto filed = FileDemoComplaint(intake, *handler, clock, o, p, complaint->as_object()); !filed) {
        return Failed(in.name, filed.error());
      }
    }
  }
  return created;
}

}  // namespace wagelink::app
