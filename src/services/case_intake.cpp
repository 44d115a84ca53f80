// Intake (登记): a complaint becomes a case (case_intake.h).
#include "services/case_intake.h"

#include <algorithm>
#include <cctype>

#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <cstdio>

#include "domain/project_match.h"
#include "domain/validators.h"
#include "security/masking.h"
#include "security/pii_scan.h"
#include "services/case_mapping.h"
#include "services/case_progress_codec.h"
#include "services/publication_privacy.h"
#include "services/sealing_contexts.h"
#include "services/zh_text.h"
#include "store/case_tally_repository.h"
#include "store/project_repository.h"

namespace wagelink::services {
namespace {
using security::Permission;

constexpr std::size_t kMaxWorkersPerCase = 10'000;


Status CheckEmployer(const EmployerInput& e, const std::string& field) {
  if (e.name.empty() || e.name.size() > 300) return InvalidField(field + ".name", "不能为空且不超过 300 字节", "1–300 bytes required");
  if (e.kind != "unit" && e.kind != "individual" && e.kind != "unqualified_contractor") {
    return InvalidField(field + ".kind", "应为 unit、individual 或 unqualified_contractor", "must be unit, individual or unqualified_contractor");
  }
  if (e.credit_code) {
    if (auto ok = domain::ValidateUnifiedSocialCreditCode(*e.credit_code, field + ".credit_code"); !ok) return ok.error();
  } else if (e.kind == "unit") {
    return InvalidField(field + ".credit_code", "用人单位须填写统一社会信用代码", "a unit needs its unified social credit code");
  }
  return Ok{};
}

Status CheckWorker(const WorkerInput& w, std::size_t i, domain::CivilDate today) {
  std::string field = "workers[" + std::to_string(i) + "]";
  if (w.name.empty() || w.name.size() > 64) return InvalidField(field + ".name", "姓名不能为空且不超过 64 字节", "name: 1–64 bytes");
  if (w.id_number) {
    if (auto ok = domain::ValidateResidentIdNumber(*w.id_number, field + ".id_number", today); !ok) return ok.error();
  }
  if (w.phone) {
    if (auto ok = domain::ValidateMobileNumber(*w.phone, field + ".phone"); !ok) return ok.error();
  }
  if (w.bank_card) {
    if (auto ok = domain::ValidateBankCardNumber(*w.bank_card, field + ".bank_card"); !ok) return ok.error();
  }
  if (w.owed.fen() < 0) return InvalidField(field + ".owed_yuan", "不能为负数", "must not be negative");
  if (w.other_claims.fen() < 0) return InvalidField(field + ".other_claims_yuan", "不能为负数", "must not be negative");
  if (w.months_unpaid < 0 || w.months_unpaid > 1200) return InvalidField(field + ".months_unpaid", "应为 0 到 1200", "must be 0..1200");
  return Ok{};
}

bool IsChannel(const std::string& c) {
  for (auto known : {"12333", "national_clue_platform", "walk_in", "petition", "inspection", "referral"}) {
    if (c == known) return true;
  }
  return false;
}

// The employer's row: the stored one for a known credit code, else the one inserted now (its row
// is then exactly the input, so it is not read back).
store::EmployerRow StoredEmployer(store::CaseRepository& cases, const EmployerInput& e, const std::string& now) {
  if (e.credit_code) {
    if (auto existing = cases.FindEmployerByCreditCode(*e.credit_code)) return std::move(*existing);
  }
  store::EmployerRow row{0, e.name, e.credit_code, e.kind, e.address, e.legal_representative};
  row.id = cases.InsertEmployer(row, now);
  return row;
}

std::string UpperCode(const std::optional<std::string>& code) {
  std::string out = code.value_or("");
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::toupper(c); });
  return out;
}

// Links the case to the registered project the complaint is about, if exactly one is
// (domain/project_match.h), so that the project's warnings and the case meet.
std::optional<store::ProjectRepository::Link> LinkRegisteredProject(store::Connection& connection, std::int64_t case_id,
                                                                    const ComplaintInput& input) {
  const std::string employer = UpperCode(input.employer.credit_code);
  const std::string contractor = input.general_contractor ? UpperCode(input.general_contractor->credit_code) : "";
  std::string name = input.project_name;
  name.erase(0, name.find_first_not_of(" \t"));
  name.erase(name.find_last_not_of(" \t") + 1);
  if (employer.empty() && contractor.empty() && name.empty()) return std::nullopt;
  store::ProjectRepository projects(connection);
  std::vector<domain::ProjectCandidate> candidates;
  for (auto& p : projects.CandidatesFor(employer, contractor, name)) {
    domain::ProjectCandidate candidate{p.id, p.name, {p.builder_credit_code, p.contractor_credit_code}};
    boost::system::error_code ec;
    const auto subcontractors = boost::json::parse(p.subcontractors, ec);
    if (!ec && subcontractors.is_array()) {
      for (const auto& sub : subcontractors.as_array()) {
        if (const auto* code = sub.is_object() ? sub.as_object().if_contains("credit_code") : nullptr; code && code->is_string()) {
          candidate.credit_codes.emplace_back(code->as_string());
        }
      }
    }
    candidates.push_back(std::move(candidate));
  }
  const auto match = domain::MatchRegisteredProject(candidates, {{employer, contractor}, name});
  if (!match) return std::nullopt;
  projects.LinkCase(case_id, *match);
  return projects.LinkOfCase(case_id);
}

int YearReceived(const ComplaintInput& complaint) {
  return static_cast<int>(domain::ShanghaiDate(complaint.received_at).year());
}

}  // namespace

void IntakeNumbers::Reserve(const std::vector<const ComplaintInput*>& complaints) {
  std::map<int, std::int64_t> cases_by_year;
  std::size_t workers = 0;
  for (const auto* complaint : complaints) {
    ++cases_by_year[YearReceived(*complaint)];
    workers += complaint->workers.size();
  }
  store::CaseRepository cases(connection_);
  for (const auto& [year, count] : cases_by_year) {
    const std::int64_t first = cases.TakeSequenceNumbers("case", year, count);
    case_numbers_[year] = {first, first + count};
  }
  worker_ids_ = cases.ReserveWorkerIds(workers);
  next_worker_ = 0;
}

std::string IntakeNumbers::NextCaseNo(const ComplaintInput& complaint) {
  const int year = YearReceived(complaint);
  auto reserved = case_numbers_.find(year);
  const std::int64_t seq = reserved != case_numbers_.end() && reserved->second.next < reserved->second.end
                               ? reserved->second.next++
                               : store::CaseRepository(connection_).NextSequence("case", year);
  char number[32];
  std::snprintf(number, sizeof number, "WL-%d-%05lld", year, static_cast<long long>(seq));
  return number;
}

std::vector<std::int64_t> IntakeNumbers::NextWorkerIds(std::size_t count) {
  if (worker_ids_.size() - next_worker_ < count) return store::CaseRepository(connection_).ReserveWorkerIds(count);
  std::vector<std::int64_t> ids(worker_ids_.begin() + static_cast<std::ptrdiff_t>(next_worker_),
                                worker_ids_.begin() + static_cast<std::ptrdiff_t>(next_worker_ + count));
  next_worker_ += count;
  return ids;
}

Status CaseIntake::CheckComplaint(const Principal& who, const ComplaintInput& input) const {
  if (!who.Can(Permission::kCaseWrite) || who.body_code != "hrss") {
    return MakeError(ErrorCode::kForbidden, "只有劳动保障监察机构可以登记投诉", "Only labour inspection registers complaints");
  }
  const domain::Instant now = records_.Now();
  if (!IsChannel(input.channel)) {
    return InvalidField("channel", "应为 12333、national_clue_platform、walk_in、petition、inspection 或 referral",
                   "must be 12333, national_clue_platform, walk_in, petition, inspection or referral");
  }
  if (input.received_at.unix_seconds() > now.unix_seconds()) return InvalidField("received_at", "不能晚于当前时间", "must not be in the future");
  if (auto ok = CheckEmployer(input.employer, "employer"); !ok) return ok.error();
  if (input.general_contractor) {
    if (auto ok = CheckEmployer(*input.general_contractor, "general_contractor"); !ok) return ok.error();
  }
  if (input.workers.empty() || input.workers.size() > kMaxWorkersPerCase) {
    return InvalidField("workers", "应有 1 到 10000 名劳动者", "must list 1 to 10000 workers");
  }
  for (std::size_t i = 0; i < input.workers.size(); ++i) {
    if (auto ok = CheckWorker(input.workers[i], i, domain::ShanghaiDate(now)); !ok) return ok.error();
  }
  if (input.summary.size() > 20000 || input.project_name.size() > 300) {
    return InvalidField("summary", "内容过长", "too long");
  }
  if (auto ok = RefusePersonalDataIn({{"summary", input.summary}}); !ok) return ok.error();
  const domain::TimeLimitRule* l01 = records_.reference().time_limits.Find("L01");
  auto l01_clock = domain::StartClock(*l01, input.received_at, records_.reference().calendar,
                                      {.responsible_body = domain::Body::kHrss, .supervisor_body = domain::Body::kWageOffice});
  if (!l01_clock) return l01_clock.error();
  return Ok{};
}

Status CaseIntake::CheckNewWorker(const WorkerInput& worker, std::size_t index) const {
  return CheckWorker(worker, index, domain::ShanghaiDate(records_.Now()));
}

Result<CaseDetail> CaseIntake::CreateComplaint(const Principal& who, const ComplaintInput& input) {
  if (auto ok = CheckComplaint(who, input); !ok) return ok.error();
  auto connection = records_.db().Acquire();
  store::Transaction tx(*connection);
  IntakeNumbers numbers(*connection);
  const std::int64_t case_id = InsertComplaint(*connection, who, input, numbers).id;
  store::CaseTallyRepository(*connection).Deposit(case_id);
  tx.Commit();
  return records_.Reload(*connection, who, case_id);
}

CaseIntake::NewCase CaseIntake::InsertComplaint(store::Connection& connection, const Principal& who,
                                                const ComplaintInput& input, IntakeNumbers& numbers) {
  const domain::Instant now = records_.Now();
  const auto rules = records_.rules().Current(connection);
  const domain::TimeLimitRule* l01 = rules->time_limits->Find("L01");
  auto l01_clock = domain::StartClock(*l01, input.received_at, *rules->calendar,
                                      {.responsible_body = domain::Body::kHrss, .supervisor_body = domain::Body::kWageOffice});
  const std::string now_text = now.ToIsoUtc();
  store::CaseRepository cases(connection);
  store::CaseTimelineRepository timeline(connection);

  store::CaseRow row;
  row.case_no = numbers.NextCaseNo(input);
  row.title = input.employer.name + (input.project_name.empty() ? "" : "（" + input.project_name + "）") + "欠薪案";
  row.state = std::string(domain::CaseStateCode(domain::CaseState::kComplaintReceived));
  domain::CaseProgress progress;
  progress.last_step_at = input.received_at;
  row.progress = boost::json::serialize(ProgressToJson(progress));
  row.channel = input.channel;
  row.received_at = input.received_at.ToIsoUtc();
  const store::EmployerRow employer = StoredEmployer(cases, input.employer, now_text);
  row.employer_id = employer.id;
  if (input.general_contractor) row.general_contractor_id = StoredEmployer(cases, *input.general_contractor, now_text).id;
  row.project_name = input.project_name;
  row.summary = input.summary;
  row.conduct = input.conduct;
  row.migrant_workers = input.migrant_workers;
  row.created_by = who.user_id;
  row.created_at = now_text;
  row.updated_at = now_text;
  // A new case's totals are its workers' (no payments yet): written with it, not refreshed after.
  row.workers_count = static_cast<std::int64_t>(input.workers.size());
  for (const auto& worker : input.workers) row.owed_fen += worker.owed.fen();
  row.id = cases.InsertCase(row);
  cases.AddParty(row.id, "hrss", now_text);
  const auto workers = SealAndInsertWorkers(connection, row.id, input.workers, numbers.NextWorkerIds(input.workers.size()));
  const auto project = LinkRegisteredProject(connection, row.id, input);

  store::CaseEventRow event;
  event.case_id = row.id;
  event.event = "register_complaint";
  event.at = row.received_at;
  event.actor_user_id = who.user_id;
  event.actor_username = who.username;
  event.actor_body = who.body_code;
  event.from_state = "";
  event.to_state = row.state;
  boost::json::object payload{{"channel", input.channel}, {"workers", input.workers.size()}};
  event.explanation_zh = "登记投诉（渠道：" + ChannelZh(input.channel) + "），开始计算受理期限。";
  event.explanation_en = "Complaint registered (from " + ChannelEn(input.channel) + "); the acceptance clock starts.";
  if (project) {
    payload["project_id"] = project->id;
    event.explanation_zh += "投诉涉及在册工程项目“" + project->name + "”（" + project->project_no + "），已自动关联。";
    event.explanation_en += " The complaint is about the registered project " + project->name + " (" + project->project_no +
                            "), linked automatically.";
  }
  event.payload = boost::json::serialize(payload);
  event.request_id = who.request_id;
  timeline.AddEvent(event);  // its id is needed by nothing below
  timeline.InsertClock(ToClockRow(row.id, *l01_clock));
  // A new case's workers and its one event are at hand: no need to read them back.
  records_.ReportAtOnceIfDue(connection, who, row, employer, workers, {event});
  records_.audit().Append(connection, who, "case.create", {"case", std::to_string(row.id)}, nullptr,
                boost::json::object{{"case_no", row.case_no}, {"workers", input.workers.size()}});
  return {row.id, row.case_no};
}

Status CaseIntake::CheckNewEmployer(const EmployerInput& employer, const std::string& field) {
  return CheckEmployer(employer, field);
}

bool CaseIntake::IsKnownChannel(std::string_view channel) { return IsChannel(std::string(channel)); }

std::int64_t CaseIntake::InsertEmployer(store::Connection& connection, const EmployerInput& employer) {
  store::CaseRepository cases(connection);
  return StoredEmployer(cases, employer, records_.Now().ToIsoUtc()).id;
}

std::vector<store::WorkerRow> CaseIntake::InsertWorkers(store::Connection& connection, std::int64_t case_id,
                                                       const std::vector<WorkerInput>& workers) {
  store::CaseTallyRepository tallies(connection);  // the dashboard's worker and money totals follow
  tallies.Withdraw(case_id);
  store::CaseRepository cases(connection);
  auto rows = SealAndInsertWorkers(connection, case_id, workers, cases.ReserveWorkerIds(workers.size()));
  cases.RefreshCaseTotals(case_id);
  tallies.Deposit(case_id);
  return rows;
}

std::vector<store::WorkerRow> CaseIntake::SealAndInsertWorkers(store::Connection& connection, std::int64_t case_id,
                                                              const std::vector<WorkerInput>& workers,
                                                              const std::vector<std::int64_t>& ids) {
  store::CaseRepository cases(connection);
  const std::string now_text = records_.Now().ToIsoUtc();
  const auto& cipher = records_.keys().cipher();
  // The sealed fields bind the row's id (WorkerFieldContext), so the ids are taken first and the
  // rows go in whole, many to a statement.
  std::vector<store::WorkerRow> rows;
  rows.reserve(workers.size());
  for (std::size_t i = 0; i < workers.size(); ++i) {
    const auto& w = workers[i];
    store::WorkerRow& worker = rows.emplace_back();
    worker.id = ids[i];
    worker.case_id = case_id;
    worker.name = w.name;
    worker.owed_fen = w.owed.fen();
    worker.other_claims_fen = w.other_claims.fen();
    worker.months_unpaid = w.months_unpaid;
    worker.period_from = w.period_from;
    worker.period_to = w.period_to;
    if (w.id_number) {
      std::string normal = security::NormalizeIdentifier(*w.id_number);
      worker.id_number_enc = cipher.Encrypt(normal, WorkerFieldContext("id_number", worker.id));
      worker.id_number_index = cipher.BlindIndex("id_number", normal);
      worker.id_number_masked = security::MaskIdNumber(normal);
    }
    if (w.phone) {
      worker.phone_enc = cipher.Encrypt(*w.phone, WorkerFieldContext("phone", worker.id));
      worker.phone_masked = security::MaskPhone(*w.phone);
    }
    if (w.bank_card) {
      std::string normal = security::NormalizeIdentifier(*w.bank_card);
      worker.bank_card_enc = cipher.Encrypt(normal, WorkerFieldContext("bank_card", worker.id));
      worker.bank_card_masked = security::MaskBankCard(normal);
    }
  }
  cases.InsertWorkers(rows, now_text);
  return rows;
}

}  // namespace wagelink::services
