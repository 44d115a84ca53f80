#include "services/bulletin_service.h"
#include "store/case_repository.h"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "domain/body.h"
#include "domain/money.h"
#include "security/digest.h"
#include "security/pii_scan.h"
#include "store/case_timeline_repository.h"

namespace wagelink::services {
namespace {

// Case steps counted in a bulletin, by the event code the case machine records and, where one
// event has several outcomes, the payload field that tells them apart.
struct CountedStep {
  const char* event;
  const char* figure;
  const char* payload_field = nullptr;
  const char* payload_value = nullptr;
};
constexpr CountedStep kCountedSteps[] = {
    {"issue_order", "orders_issued"},
    {"send_transfer", "transfers_sent"},
    {"file_case", "cases_filed"},
    {"decline_filing", "filings_refused"},
    {"decide_prosecution", "prosecutions", "decision", "prosecute"},
    {"deliver_judgment", "judgments"},
    {"record_execution", "executions"},
};

bool Counts(const CountedStep& step, const std::string& event, const boost::json::value& payload) {
  if (event != step.event) return false;
  if (!step.payload_field) return true;
  const auto* value = payload.is_object() ? payload.as_object().if_contains(step.payload_field) : nullptr;
  return value && value->is_string() && value->as_string() == step.payload_value;
}

boost::json::object Figures(store::BulletinRepository& data, const std::string& from, const std::string& to,
                            const std::string& first_day, const std::string& last_day) {
  boost::json::object steps;
  for (const auto& step : kCountedSteps) steps[step.figure] = 0;
  std::int64_t paid_fen = 0;
  std::int64_t payments = 0;
  data.StreamEvents(from, to, [&](const std::string& event, const std::string& payload) {
    boost::system::error_code ec;
    const auto parsed = boost::json::parse(payload, ec);
    for (const auto& step : kCountedSteps) {
      if (Counts(step, event, parsed)) steps[step.figure] = steps[step.figure].as_int64() + 1;
    }
    if (event == "record_payment") {
      if (!ec && parsed.is_object()) {
        if (const auto* amount = parsed.as_object().if_contains("amount_fen"); amount && amount->is_int64()) {
          paid_fen += amount->as_int64();
          ++payments;
        }
      }
    }
  });
  auto complaints = data.NewComplaints(from, to);
  boost::json::array overdue;
  for (const auto& [body, count] : data.OverdueByBody()) {
    auto code = domain::ParseBodyCode(body);
    overdue.push_back({{"body_code", body}, {"body_name_zh", code ? std::string(domain::BodyNameZh(*code)) : body},
                       {"overdue_steps", count}});
  }
  auto [new_major, open_major] = data.MajorRisks(from, to);
  auto exposure = data.Exposure(first_day, last_day);
  auto recommendations = data.Recommendations(first_day, last_day);
  boost::json::array recommendations_overdue;
  for (const auto& [body, count] : recommendations.overdue_by_body) {
    auto code = domain::ParseBodyCode(body);
    recommendations_overdue.push_back(
        {{"body_code", body}, {"body_name_zh", code ? std::string(domain::BodyNameZh(*code)) : body}, {"overdue", count}});
  }
  boost::json::object figures{
      {"new_complaints", {{"cases", complaints.cases}, {"workers", complaints.workers}, {"owed_fen", complaints.owed_fen},
                          {"owed_yuan", domain::Fen::FromFen(complaints.owed_fen).ToYuanPlain()}}},
      {"payments", {{"count", payments}, {"paid_fen", paid_fen}, {"paid_yuan", domain::Fen::FromFen(paid_fen).ToYuanPlain()}}},
      {"steps", steps},
      // Listings decided and publications made within the period (civil dates, Beijing time).
      {"blacklist_entries", exposure.listed},
      {"exposures", exposure.published},
      {"credit_note_zh", "失信名单按列入决定日期、曝光按公布日期统计"},
      {"overdue_steps_by_body", overdue},
      {"major_risks", {{"escalated_in_period", new_major}, {"open", open_major}}},
      // 检察建议: reply due by the period's last day and not come by then counts as overdue.
      {"recommendations", {{"issued", recommendations.issued},
                           {"answered", recommendations.answered},
                           {"evaluated", recommendations.evaluated},
                           {"overdue_by_body", recommendations_overdue}}}};
  return figures;
}

std::string PeriodTitleZh(domain::BulletinPeriod period, const std::string& first, const std::string& last) {
  return "工作简报（" + std::string(domain::BulletinPeriodNameZh(period)) + "）：" + first + " 至 " + last;
}

BulletinSummary SummaryOf(const store::BulletinRow& row) {
  return {.id = row.id,
          .bulletin_no = row.bulletin_no,
          .issue_no = domain::BulletinIssueNo(row.issue_year, row.issue_seq),
          .period = row.period,
          .period_start = row.period_start,
          .period_end = row.period_end,
          .generated_at = row.generated_at,
          .generated_by = row.generated_by,
          .generated_by_name = row.generated_by_name,
          .sha256 = row.sha256};
}

BulletinView ViewOf(const store::BulletinRow& row, bool hash_valid) {
  return {SummaryOf(row), row.figures, hash_valid};
}

}  // namespace

std::string BulletinHashInput(const store::BulletinRow& row) {
  return boost::json::serialize(boost::json::array{row.bulletin_no, row.period, row.period_start, row.period_end,
                                                   row.generated_at, row.generated_by, row.figures});
}

Result<BulletinView> BulletinService::Generate(const Principal& who, const BulletinRequest& request) {
  if (request.period != domain::BulletinPeriod::kOnDemand) {
    auto today = domain::ShanghaiDate(domain::Instant::FromUnixSeconds(clock_.Now()));
    return Issue(who, request.period, domain::PreviousPeriod(request.period, today));
  }
  if (!request.first || !request.last) {
    return InvalidField("from", "专报须给出起止日期 from 和 to", "an on-demand bulletin needs both from and to");
  }
  if (*request.last < *request.first) return InvalidField("to", "结束日期早于开始日期", "to is before from");
  if (request.last->DaysSinceEpoch() - request.first->DaysSinceEpoch() > 400) {
    return InvalidField("to", "期间不得超过 400 天", "the period may not exceed 400 days");
  }
  return Issue(who, request.period, {*request.first, *request.last});
}

Result<BulletinView> BulletinService::Issue(const Principal& who, domain::BulletinPeriod period, domain::DateRange range) {
  const std::string now = FormatUtc(clock_.Now());
  store::BulletinRow row;
  row.period = std::string(domain::BulletinPeriodCode(period));
  row.period_start = range.first.ToIso();
  row.period_end = range.last.ToIso();
  row.bulletin_no = "简报-" + row.period + "-" + row.period_start + "-" + row.period_end;
  if (period == domain::BulletinPeriod::kOnDemand) row.bulletin_no += "-" + now;
  row.generated_at = now;
  row.generated_by = who.username;
  auto connection = db_.Acquire();
  store::BulletinRepository data(*connection);
  store::Transaction tx(*connection);
  if (data.Exists(row.bulletin_no)) {
    return MakeError(ErrorCode::kConflict, "该期简报已生成：" + row.bulletin_no, "This bulletin was already issued: " + row.bulletin_no);
  }
  auto from = FormatUtc(domain::StartOfShanghaiDay(range.first).unix_seconds());
  auto to = FormatUtc(domain::StartOfShanghaiDay(range.last.AddDays(1)).unix_seconds());
  row.figures = boost::json::serialize(Figures(data, from, to, row.period_start, row.period_end));
  // Figures are counts by construction; this guards the rule against a future figure that quotes text.
  if (!security::ContainsPersonalData(row.figures).empty()) {
    return MakeError(ErrorCode::kConflict, "简报含有个人信息，已拒绝生成", "The bulletin would contain personal data; refused");
  }
  row.sha256 = security::Sha256Hex(BulletinHashInput(row));
  // The 期号: the next of the year's counter row, advanced in this transaction (no gaps, no repeats).
  row.issue_year = domain::ShanghaiDate(domain::Instant::FromUnixSeconds(clock_.Now())).year();
  row.issue_seq = store::CaseRepository(*connection).NextSequence("bulletin.issue", static_cast<int>(row.issue_year));
  row.id = data.Insert(row);
  store::CaseTimelineRepository notices(*connection);
  std::string title_zh = "简报" + domain::BulletinIssueNo(row.issue_year, row.issue_seq) + "：" +
                         PeriodTitleZh(period, row.period_start, row.period_end);
  std::string title_en = "Bulletin (" + row.period + "): " + row.period_start + " to " + row.period_end;
  for (const auto& body : data.BodyCodes()) {
    notices.InsertNotification({0, body, std::nullopt, "bulletin_issued", title_zh, title_en, std::nullopt, now, std::nullopt});
  }
  audit_.Append(*connection, who, "bulletin.issue", {"bulletin", std::to_string(row.id)}, nullptr,
                boost::json::object{{"bulletin_no", row.bulletin_no},
                                    {"issue_no", domain::BulletinIssueNo(row.issue_year, row.issue_seq)},
                                    {"sha256", row.sha256}});
  tx.Commit();
  return ViewOf(row, true);
}

std::int64_t BulletinService::IssueDuePeriodic() {
  std::int64_t issued = 0;
  auto today = domain::ShanghaiDate(domain::Instant::FromUnixSeconds(clock_.Now()));
  for (auto period : {domain::BulletinPeriod::kWeekly, domain::BulletinPeriod::kMonthly, domain::BulletinPeriod::kQuarterly}) {
    auto range = domain::PreviousPeriod(period, today);
    std::string no = "简报-" + std::string(domain::BulletinPeriodCode(period)) + "-" + range.first.ToIso() + "-" + range.last.ToIso();
    {
      auto connection = db_.Acquire();
      if (store::BulletinRepository(*connection).Exists(no)) continue;
    }
    if (Issue(SystemActor("bulletins"), period, range)) ++issued;
  }
  return issued;
}

Result<BulletinView> BulletinService::Get(std::int64_t id, std::string_view read_after) {
  auto connection = db_.AcquireForReading(read_after);
  auto row = store::BulletinRepository(*connection).Get(id);
  if (!row) return MakeError(ErrorCode::kNotFound, "简报不存在", "No such bulletin");
  bool valid = security::Sha256Hex(BulletinHashInput(*row)) == row->sha256;
  return ViewOf(*row, valid);
}

std::vector<BulletinSummary> BulletinService::List(std::string_view read_after, std::int64_t limit,
                                                   std::int64_t offset) {
  auto connection = db_.AcquireForReading(read_after);
  std::vector<BulletinSummary> out;
  for (const auto& row : store::BulletinRepository(*connection).List(limit, offset)) out.push_back(SummaryOf(row));
  return out;
}

}  // namespace wagelink::services
