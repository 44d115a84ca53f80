// The project registry and its feeds (project_service.h); measuring is in project_monitor.cpp.
#include "services/project_service.h"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <fmt/format.h>

#include <set>

#include "domain/body.h"
#include "domain/validators.h"
#include "security/digest.h"
#include "security/masking.h"
#include "security/pii_scan.h"
#include "services/admin_service.h"
#include "store/case_repository.h"

namespace wagelink::services {
namespace {
using security::Permission;

constexpr std::int64_t kMaxAmountFen = 100'000'000'000'000;  // 1 万亿元

Status ValidParty(std::string_view field, const ProjectParty& party) {
  if (auto ok = domain::ValidateText(std::string(field) + ".name", party.name, 200, true); !ok) return ok.error();
  return domain::ValidateUnifiedSocialCreditCode(party.credit_code, std::string(field) + ".credit_code");
}

Status ValidAmount(std::string_view field, std::int64_t fen) {
  if (fen < 0 || fen > kMaxAmountFen) return InvalidField(field, "金额超出范围", "out of range");
  return Ok{};
}

Status ValidProject(const ProjectInput& in) {
  for (auto [field, value, max, required] :
       {std::tuple{"name", &in.name, 200, true}, std::tuple{"location", &in.location, 200, true},
        std::tuple{"sector_authority", &in.sector_authority, 100, true},
        std::tuple{"contractor_site_office", &in.contractor_site_office, 200, false},
        std::tuple{"labour_officer_name", &in.labour_officer_name, 50, false},
        std::tuple{"special_account_bank", &in.special_account_bank, 100, false},
        std::tuple{"wage_deposit_bank", &in.wage_deposit_bank, 100, false}}) {
    if (auto ok = domain::ValidateText(field, *value, static_cast<std::size_t>(max), required); !ok) return ok.error();
  }
  if (auto ok = ValidParty("builder", in.builder); !ok) return ok.error();
  if (auto ok = ValidParty("contractor", in.contractor); !ok) return ok.error();
  if (in.subcontractors.size() > 50) return InvalidField("subcontractors", "最多 50 家", "at most 50");
  for (std::size_t i = 0; i < in.subcontractors.size(); ++i) {
    if (auto ok = ValidParty("subcontractors[" + std::to_string(i) + "]", in.subcontractors[i]); !ok) return ok.error();
  }
  if (in.contract_sum_fen <= 0) return InvalidField("contract_sum_yuan", "应大于零", "must be more than zero");
  if (auto ok = ValidAmount("contract_sum_yuan", in.contract_sum_fen); !ok) return ok.error();
  if (auto ok = ValidAmount("wage_deposit_amount_yuan", in.wage_deposit_amount_fen); !ok) return ok.error();
  if (in.pay_day && (*in.pay_day < 1 || *in.pay_day > 31)) return InvalidField("pay_day", "应为 1 至 31", "must be 1 to 31");
  if (in.wage_deposit_rate_permille && (*in.wage_deposit_rate_permille < 0 || *in.wage_deposit_rate_permille > 1000)) {
    return InvalidField("wage_deposit_rate_permille", "应为 0 至 1000（‰）", "must be 0 to 1000 (per mille)");
  }
  if (!domain::WageDepositFromCode(in.wage_deposit)) {
    return InvalidField("wage_deposit", "应为 none、cash、bank_guarantee、insurance 或 exempt",
                        "must be none, cash, bank_guarantee, insurance or exempt");
  }
  if ((in.wage_deposit == "cash" || in.wage_deposit == "bank_guarantee" || in.wage_deposit == "insurance") &&
      in.wage_deposit_amount_fen <= 0) {
    return InvalidField("wage_deposit_amount_yuan", "存储保证金或提交保函、保险的，应填写金额", "the amount of the deposit, guarantee or insurance is required");
  }
  if (in.started_on && *in.started_on < in.contract_signed_on) {
    return InvalidField("started_on", "不能早于合同签订日期", "must not be before the contract was signed");
  }
  if (in.planned_completion_on && *in.planned_completion_on < in.contract_signed_on) {
    return InvalidField("planned_completion_on", "不能早于合同签订日期", "must not be before the contract was signed");
  }
  auto owner = domain::ParseBodyCode(in.owner_body);
  if (!owner || *owner == domain::Body::kEmployer || *owner == domain::Body::kLeadership) {
    return InvalidField("owner_body", "责任单位不存在", "unknown owner body");
  }
  return Ok{};
}

std::optional<std::string> IsoOf(const std::optional<domain::CivilDate>& date) {
  return date ? std::optional(date->ToIso()) : std::nullopt;
}

void CopyInput(const ProjectInput& in, store::ProjectRow& row) {
  row.name = in.name;
  row.location = in.location;
  row.builder_name = in.builder.name;
  row.builder_credit_code = in.builder.credit_code;
  row.contractor_name = in.contractor.name;
  row.contractor_credit_code = in.contractor.credit_code;
  row.contractor_site_office = in.contractor_site_office;
  boost::json::array subcontractors;
  for (const auto& s : in.subcontractors) subcontractors.push_back({{"name", s.name}, {"credit_code", s.credit_code}});
  row.subcontractors = boost::json::serialize(subcontractors);
  row.sector_authority = in.sector_authority;
  row.labour_officer_name = in.labour_officer_name;
  row.contract_sum_fen = in.contract_sum_fen;
  row.contract_signed_on = in.contract_signed_on.ToIso();
  row.started_on = IsoOf(in.started_on);
  row.planned_completion_on = IsoOf(in.planned_completion_on);
  row.pay_day = in.pay_day;
  row.special_account_bank = in.special_account_bank;
  row.special_account_opened_on = IsoOf(in.special_account_opened_on);
  row.wage_deposit = in.wage_deposit;
  row.wage_deposit_amount_fen = in.wage_deposit_amount_fen;
  row.wage_deposit_rate_permille = in.wage_deposit_rate_permille;
  row.wage_deposit_bank = in.wage_deposit_bank;
  row.payment_guarantee = in.payment_guarantee;
  row.notice_board_up = in.notice_board_up;
  row.owner_body = in.owner_body;
}

boost::json::object ProjectAuditView(const store::ProjectRow& p) {
  return {{"project_no", p.project_no},
          {"name", p.name},
          {"contractor_credit_code", p.contractor_credit_code},
          {"special_account_opened_on", p.special_account_opened_on ? boost::json::value(*p.special_account_opened_on) : nullptr},
          {"wage_deposit", p.wage_deposit},
          {"notice_board_up", p.notice_board_up},
          {"pay_day", p.pay_day ? boost::json::value(*p.pay_day) : nullptr}};
}

// "2026-10" → the month's first day; refuses anything else and months that have not begun.
Result<domain::CivilDate> FeedMonth(const std::string& month, domain::CivilDate today) {
  auto first = month.size() == 7 ? domain::CivilDate::ParseIso(month + "-01", "month")
                                 : Result<domain::CivilDate>(InvalidField("month", "应为 YYYY-MM", "must be YYYY-MM"));
  if (!first) return InvalidField("month", "应为 YYYY-MM", "must be YYYY-MM");
  if (*first > today) return InvalidField("month", "不能是尚未开始的月份", "must not be a month that has not begun");
  return *first;
}

// Checks one row for its kind and turns it into what is stored: the worker as a blind index of the
// ID number and a masked name, nothing more. `workers` holds the batch's workers so far.
Result<store::FeedRow> StoredRow(const FeedInput& feed, std::size_t i, domain::CivilDate month_start,
                                 const security::FieldCipher& cipher, std::set<std::string>& workers) {
  const domain::CivilDate month_end = month_start.AddMonthsClamped(1).AddDays(-1);
  const bool with_worker = feed.kind != "account";
  const FeedRowInput& in = feed.rows[i];
  const std::string path = "rows[" + std::to_string(i) + "]";
  store::FeedRow row;
  row.line = static_cast<std::int64_t>(i) + 1;
  if (with_worker) {
    const std::string id = security::NormalizeIdentifier(in.id_number);
    if (auto ok = domain::ValidateResidentIdNumber(id, path + ".id_number"); !ok) return ok.error();
    if (auto ok = domain::ValidateText(path + ".name", in.name, 60, true); !ok) return ok.error();
    row.worker_key = cipher.BlindIndex("id_number", id);
    if (!workers.insert(row.worker_key).second) {
      return InvalidField(path + ".id_number", "同一人在本批中重复出现", "the same person appears twice in this batch");
    }
    row.worker_name_masked = security::MaskPersonName(in.name);
  }
  if (feed.kind == "attendance") {
    if (in.days < 1 || in.days > 31) return InvalidField(path + ".days", "出勤天数应为 1 至 31", "days must be 1 to 31");
    row.days = in.days;
  } else {
    if (in.amount_fen <= 0 || in.amount_fen > kMaxAmountFen) {
      return InvalidField(path + ".amount_yuan", "金额应大于零且在范围内", "must be more than zero and in range");
    }
    row.amount_fen = in.amount_fen;
    if (!in.on_date) return InvalidField(path + (with_worker ? ".paid_on" : ".date"), "不能为空", "is required");
    row.on_date = in.on_date->ToIso();
  }
  if (feed.kind == "payroll") {
    if (*in.on_date < month_start) {
      return InvalidField(path + ".paid_on", "不能早于工资所属月份", "must not be before the month the wages are for");
    }
    row.through_special_account = in.through_special_account;
  }
  if (feed.kind == "account") {
    if (*in.on_date < month_start || *in.on_date > month_end) {
      return InvalidField(path + ".date", "应在流水所属月份内", "must be within the statement's month");
    }
    if (in.purpose != "labour_cost" && in.purpose != "wage_payment" && in.purpose != "other") {
      return InvalidField(path + ".purpose", "应为 labour_cost、wage_payment 或 other",
                          "must be labour_cost, wage_payment or other");
    }
    row.purpose = in.purpose;
  }
  return row;
}

// Every row checked: the rows to store, or the errors of every bad row (the first kMaxRowErrors),
// so that the bank or the officer mends the whole batch at once.
struct CheckedRows {
  std::vector<store::FeedRow> rows;
  std::vector<Error> errors;
};

CheckedRows StoredRows(const FeedInput& feed, domain::CivilDate month_start, const security::FieldCipher& cipher) {
  std::set<std::string> workers;
  CheckedRows out;
  out.rows.reserve(feed.rows.size());
  for (std::size_t i = 0; i < feed.rows.size(); ++i) {
    auto row = StoredRow(feed, i, month_start, cipher, workers);
    if (row) {
      out.rows.push_back(std::move(*row));
    } else if (out.errors.size() < kMaxRowErrors) {
      out.errors.push_back(row.error());
    }
  }
  return out;
}

// What identifies a batch's content: a repeat of the same rows is recognised by it.
std::string DigestOf(const FeedInput& feed, const std::vector<store::FeedRow>& rows) {
  std::string text = feed.kind + "\n" + feed.month + "\n";
  for (const auto& r : rows) {
    text += fmt::format("{}|{}|{}|{}|{}|{}\n", r.worker_key, r.days, r.amount_fen, r.on_date.value_or(""),
                        r.through_special_account ? 1 : 0, r.purpose);
  }
  return security::Sha256Hex(text);
}

}  // namespace

// A contract cannot have been signed after today (nor the account opened, nor the works started).
static Status NotInTheFuture(const ProjectInput& in, domain::CivilDate today) {
  for (auto [field, date] : {std::pair{"contract_signed_on", std::optional(in.contract_signed_on)},
                             std::pair{"special_account_opened_on", in.special_account_opened_on},
                             std::pair{"started_on", in.started_on}}) {
    if (date && *date > today) return InvalidField(field, "不能晚于今天", "must not be after today");
  }
  return Ok{};
}

Result<ProjectDetail> ProjectService::Register(const Principal& who, const ProjectInput& in) {
  if (!who.Can(Permission::kRiskWrite)) return Forbidden(Permission::kRiskWrite);
  if (auto ok = ValidProject(in); !ok) return ok.error();
  if (auto ok = NotInTheFuture(in, domain::ShanghaiDate(domain::Instant::FromUnixSeconds(clock_.Now()))); !ok) return ok.error();
  auto connection = db_.Acquire();
  store::Transaction tx(*connection);
  const UnixSeconds now_s = clock_.Now();
  store::ProjectRow row;
  CopyInput(in, row);
  const int year = domain::ShanghaiDate(domain::Instant::FromUnixSeconds(now_s)).year();
  row.project_no = fmt::format("XM-{}-{:04d}", year, store::CaseRepository(*connection).NextSequence("project", year));
  row.created_by_name = who.display_name;
  row.created_at = row.updated_at = FormatUtc(now_s);
  store::ProjectRepository projects(*connection);
  row.id = projects.Insert(row);
  audit_.Append(*connection, who, "project.register", {"project", std::to_string(row.id)}, nullptr, ProjectAuditView(row));
  Measure(*connection, who, row);
  auto detail = Load(*connection, row.id);
  tx.Commit();
  return detail;
}

Result<ProjectDetail> ProjectService::Update(const Principal& who, std::int64_t id, const ProjectInput& in,
                                             std::int64_t version) {
  if (!who.Can(Permission::kRiskWrite)) return Forbidden(Permission::kRiskWrite);
  if (auto ok = ValidProject(in); !ok) return ok.error();
  if (auto ok = NotInTheFuture(in, domain::ShanghaiDate(domain::Instant::FromUnixSeconds(clock_.Now()))); !ok) return ok.error();
  auto connection = db_.Acquire();
  store::Transaction tx(*connection);
  store::ProjectRepository projects(*connection);
  auto row = projects.Find(id);
  if (!row) return MakeError(ErrorCode::kNotFound, "工程项目不存在", "no such project");
  const auto before = *row;
  CopyInput(in, *row);
  row->updated_at = FormatUtc(clock_.Now());
  if (!projects.Update(*row, version)) {
    return MakeError(ErrorCode::kConflict, "工程项目已被他人修改，请刷新", "the project was changed by someone else; reload it");
  }
  row->version = version + 1;
  audit_.Append(*connection, who, "project.update", {"project", std::to_string(id)}, ProjectAuditView(before), ProjectAuditView(*row));
  Measure(*connection, who, *row);
  auto detail = Load(*connection, id);
  tx.Commit();
  return detail;
}

Result<ProjectDetail> ProjectService::Get(const Principal& who, std::int64_t id) {
  if (!who.Can(Permission::kRiskRead)) return Forbidden(Permission::kRiskRead);
  auto connection = db_.Acquire();
  if (!store::ProjectRepository(*connection).Find(id)) return MakeError(ErrorCode::kNotFound, "工程项目不存在", "no such project");
  return Load(*connection, id);
}

Result<ProjectPage> ProjectService::List(const Principal& who, const std::string& search, std::int64_t limit,
                                         std::int64_t offset) {
  if (!who.Can(Permission::kRiskRead)) return Forbidden(Permission::kRiskRead);
  if (search.size() > 100) return InvalidField("q", "过长", "too long");
  auto connection = db_.Acquire();
  store::ProjectRepository projects(*connection);
  ProjectPage page;
  page.items = projects.List(search, limit, offset);
  page.total = projects.Count(search);
  return page;
}

Result<FeedReceipt> ProjectService::ReceiveFeed(const Principal& who, std::int64_t project_id, const FeedInput& feed) {
  if (!who.Can(Permission::kRiskWrite)) return Forbidden(Permission::kRiskWrite);
  return ReceiveFeedFor(who, [project_id](store::ProjectRepository&) { return std::optional<std::int64_t>(project_id); },
                        feed);
}

Result<FeedReceipt> ProjectService::ReceiveFeed(const Principal& who, const std::string& project_no, const FeedInput& feed) {
  if (!who.Can(Permission::kRiskWrite)) return Forbidden(Permission::kRiskWrite);
  return ReceiveFeedFor(who, [&project_no](store::ProjectRepository& projects) { return projects.IdOfNumber(project_no); },
                        feed);
}

Result<FeedReceipt> ProjectService::ReceiveFeedIn(store::Connection& connection, const Principal& who, std::int64_t project_id,
                                                  const FeedInput& feed) {
  if (!who.Can(Permission::kRiskWrite)) return Forbidden(Permission::kRiskWrite);
  return ReceiveFeedFor(who, [project_id](store::ProjectRepository&) { return std::optional<std::int64_t>(project_id); },
                        feed, &connection);
}

// Checks the rows before taking a connection, then finds the project and stores the batch in one
// transaction (the project found by id or by number on that same connection) — its own, or the
// caller's when `in_transaction` is given (an import commits the file's batch with the import).
Result<FeedReceipt> ProjectService::ReceiveFeedFor(
    const Principal& who, const std::function<std::optional<std::int64_t>(store::ProjectRepository&)>& find,
    const FeedInput& feed, store::Connection* in_transaction) {
  if (auto ok = CheckFeedBatch(feed); !ok) return ok.error();
  const UnixSeconds now_s = clock_.Now();
  auto month_start = FeedMonth(feed.month, domain::ShanghaiDate(domain::Instant::FromUnixSeconds(now_s)));
  if (!month_start) return month_start.error();
  auto checked = StoredRows(feed, *month_start, keys_->cipher());
  if (!checked.errors.empty()) return checked.errors.front();
  const auto& rows = checked.rows;
  const std::string digest = DigestOf(feed, rows);

  auto store = [&](store::Connection& connection) -> Result<FeedReceipt> {
    store::ProjectRepository projects(connection);
    const auto found = find(projects);
    auto project = found ? projects.Find(*found) : std::nullopt;
    if (!project) return MakeError(ErrorCode::kNotFound, "工程项目不存在", "no such project");
    const std::int64_t project_id = project->id;
    FeedReceipt receipt;
    receipt.project_no = project->project_no;
    receipt.rows = static_cast<std::int64_t>(rows.size());
    auto current = projects.CurrentBatch(project_id, feed.kind, feed.month);
    if (current && current->digest == digest) {
      receipt.batch_id = current->id;
      receipt.repeated = true;
    } else {
      const std::string now = FormatUtc(now_s);
      if (current) {
        projects.Supersede(current->id, now);
        receipt.replaced_batch_id = current->id;
      }
      receipt.batch_id = projects.InsertBatch({0, project_id, feed.kind, feed.month, digest, receipt.rows, feed.channel,
                                               who.display_name, now, std::nullopt},
                                              rows);
      audit_.Append(connection, who, "project.feed", {"project", std::to_string(project_id)}, nullptr,
                    boost::json::object{{"kind", feed.kind}, {"month", feed.month}, {"rows", receipt.rows},
                                        {"digest", digest}, {"channel", feed.channel},
                                        {"replaced_batch", current ? boost::json::value(current->id) : nullptr}});
      Measure(connection, who, *project);
    }
    for (const auto& warning : projects.OpenWarnings(project_id)) receipt.open_warnings.push_back(ViewOf(warning));
    return receipt;
  };
  if (in_transaction) return store(*in_transaction);
  auto connection = db_.Acquire();
  store::Transaction tx(*connection);
  auto receipt = store(*connection);
  if (receipt) tx.Commit();
  return receipt;
}

Status ProjectService::CheckFeedBatch(const FeedInput& feed) const {
  if (feed.kind != "attendance" && feed.kind != "payroll" && feed.kind != "account") {
    return InvalidField("kind", "应为 attendance、payroll 或 account", "must be attendance, payroll or account");
  }
  if (auto ok = CheckFeedMonth(feed.month); !ok) return ok.error();
  if (feed.rows.size() > kMaxFeedRows) return InvalidField("rows", "每批最多 20000 行", "at most 20000 rows per batch");
  if (feed.kind != "account" && feed.rows.empty()) {
    return InvalidField("rows", "考勤和工资支付表不能为空", "an attendance roster or pay sheet must not be empty");
  }
  return Ok{};
}

Status ProjectService::CheckFeedMonth(const std::string& month) const {
  auto first = FeedMonth(month, domain::ShanghaiDate(domain::Instant::FromUnixSeconds(clock_.Now())));
  if (!first) return first.error();
  return Ok{};
}

std::vector<Error> ProjectService::FeedRowErrors(const FeedInput& feed) const {
  auto month_start = FeedMonth(feed.month, domain::ShanghaiDate(domain::Instant::FromUnixSeconds(clock_.Now())));
  if (!month_start || feed.rows.size() > kMaxFeedRows) return {};
  return StoredRows(feed, *month_start, keys_->cipher()).errors;
}


}  // namespace wagelink::services
