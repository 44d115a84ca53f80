#include "services/import_validation.h"

#include <map>
#include <set>

#include "imports/cell_values.h"
#include "imports/table_builder.h"
#include "security/pii_scan.h"
#include "store/case_repository.h"
#include "store/import_repository.h"

namespace wagelink::services {
namespace {
using imports::ImportKind;

constexpr std::int64_t kMaxWorkersPerCase = 10'000;

// "workers[3].id_number" → ("id_number", 3); "employer.credit_code" → ("employer_credit_code", none);
// "rows[2].days" (a project feed) → ("days", 2).
std::pair<std::string, std::optional<std::size_t>> ImportFieldOf(const std::string& service_field) {
  if (service_field.starts_with("rows[")) {
    auto close = service_field.find(']');
    auto dot = service_field.find('.', close);
    std::size_t index = std::stoul(service_field.substr(5, close - 5));
    return {dot == std::string::npos ? "" : service_field.substr(dot + 1), index};
  }
  if (service_field.starts_with("workers[")) {
    auto close = service_field.find(']');
    auto dot = service_field.find('.', close);
    std::size_t index = std::stoul(service_field.substr(8, close - 8));
    std::string key = dot == std::string::npos ? "worker_name" : service_field.substr(dot + 1);
    return {key == "name" ? "worker_name" : key, index};
  }
  if (service_field.starts_with("employer.")) {
    std::string rest = service_field.substr(9);
    return {rest == "name" ? "employer_name" : "employer_" + rest, std::nullopt};
  }
  return {service_field, std::nullopt};
}

// One row read through the mapping, collecting its errors.
class RowReader {
 public:
  RowReader(const imports::Table& table, const imports::ColumnMapping& mapping, std::vector<ImportRowError>& errors)
      : table_(table), mapping_(mapping), errors_(errors) {}

  void Select(const imports::TableRow& row) { row_ = &row; }
  std::size_t line() const { return row_->line; }

  // The trimmed cell of `field`, or "" when the field is not mapped.
  const std::string& Text(const std::string& field) const {
    static const std::string kEmpty;
    auto it = mapping_.find(field);
    if (it == mapping_.end() || it->second >= row_->cells.size()) return kEmpty;
    return row_->cells[it->second];
  }
  std::optional<std::string> Optional(const std::string& field) const {
    const auto& text = Text(field);
    return text.empty() ? std::nullopt : std::optional<std::string>(text);
  }
  template <typename T>
  std::optional<T> Take(Result<T> parsed) {
    if (parsed) return std::move(*parsed);
    Report(line(), parsed.error());
    return std::nullopt;
  }
  // The row and column already say where: a message loses the check's own path in front
  // ("workers[1].id_number：校验码错误" reads "校验码错误").
  static void DropPath(Error& error) {
    for (auto [message, separator] : {std::pair{&error.message_zh, "："}, std::pair{&error.message_en, ": "}}) {
      const std::string prefix = error.field + separator;
      if (!error.field.empty() && message->starts_with(prefix)) message->erase(0, prefix.size());
    }
  }
  void Report(std::size_t line, Error error) {
    DropPath(error);
    ImportRowError e{line, "", "", error.field, error.message_zh, error.message_en};
    if (auto it = mapping_.find(error.field); it != mapping_.end()) {
      e.column = imports::ColumnLetters(it->second);
      e.header = it->second < table_.header.size() ? table_.header[it->second] : "";
    }
    errors_.push_back(std::move(e));
  }
  void Report(const std::string& field, std::string zh, std::string en) { Report(line(), InvalidField(field, zh, en)); }
  // An error from the single-record checks ("workers[3].id_number") reported against the import field.
  void ReportServiceError(std::size_t line, Error error) {
    DropPath(error);
    error.field = ImportFieldOf(error.field).first;
    Report(line, error);
  }
  // True (and reported against `field`) when `key` was already seen on an earlier row.
  bool SeenBefore(std::map<std::string, std::size_t>& seen, const std::string& key, const std::string& field, const std::string& what_zh,
                  const std::string& what_en) {
    auto [it, fresh] = seen.try_emplace(key, line());
    if (fresh) return false;
    Report(field, what_zh + "与第 " + std::to_string(it->second) + " 行重复", what_en + " duplicates row " + std::to_string(it->second));
    return true;
  }

 private:
  const imports::Table& table_;
  const imports::ColumnMapping& mapping_;
  std::vector<ImportRowError>& errors_;
  const imports::TableRow* row_ = nullptr;
};

std::optional<WorkerInput> ReadWorker(RowReader& reader) {
  WorkerInput w;
  bool ok = true;
  w.name = reader.Text("worker_name");
  if (w.name.empty()) reader.Report("worker_name", "劳动者姓名必填", "worker name required"), ok = false;
  for (auto [key, out] : {std::pair{"id_number", &w.id_number}, std::pair{"phone", &w.phone}, std::pair{"bank_card", &w.bank_card}}) {
    if (auto text = reader.Optional(key)) *out = imports::NormalisedIdentifierCell(*text);
  }
  if (auto owed = reader.Take(imports::ParseAmountCell(reader.Text("owed_yuan"), "owed_yuan"))) w.owed = *owed; else ok = false;
  if (auto months = reader.Optional("months_unpaid")) {
    if (auto n = reader.Take(imports::ParseCountCell(*months, "months_unpaid"))) w.months_unpaid = *n; else ok = false;
  }
  for (auto [key, out] : {std::pair{"period_from", &w.period_from}, std::pair{"period_to", &w.period_to}}) {
    if (auto text = reader.Optional(key)) {
      if (auto month = reader.Take(imports::ParseMonthCell(*text, key))) *out = *month; else ok = false;
    }
  }
  if (!ok) return std::nullopt;
  return w;
}

std::optional<EmployerInput> ReadEmployer(RowReader& reader) {
  EmployerInput e;
  e.name = reader.Text("employer_name");
  e.credit_code = reader.Optional("employer_credit_code");
  if (e.credit_code) *e.credit_code = imports::NormalisedIdentifierCell(*e.credit_code);
  e.address = reader.Text("address");
  e.legal_representative = reader.Text("legal_representative");
  auto kind = reader.Take(imports::ParseEmployerKindCell(reader.Text("employer_kind"), "employer_kind"));
  if (!kind) return std::nullopt;
  e.kind = *kind;
  if (auto ok = CaseIntake::CheckNewEmployer(e, "employer"); !ok) {
    reader.ReportServiceError(reader.line(), ok.error());
    return std::nullopt;
  }
  return e;
}

std::optional<std::string> IdIndex(const ImportContext& context, const std::optional<std::string>& id_number) {
  if (!id_number) return std::nullopt;
  return context.keys.cipher().BlindIndex("id_number", security::NormalizeIdentifier(*id_number));
}

void PlanComplaints(const imports::Table& table, RowReader& reader, const ImportContext& context, ImportPlan& plan) {
  store::ImportRepository imported(context.connection);
  store::CaseRepository cases(context.connection);
  // Rows sharing a clue number are one complaint with several workers; without one, a row is a complaint.
  std::vector<std::vector<const imports::TableRow*>> groups;
  std::map<std::string, std::size_t> group_of_clue;
  for (const auto& row : table.rows) {
    reader.Select(row);
    std::string clue = reader.Text("clue_no");
    if (clue.empty()) {
      groups.push_back({&row});
    } else if (auto [it, fresh] = group_of_clue.try_emplace(clue, groups.size()); fresh) {
      groups.push_back({&row});
    } else {
      groups[it->second].push_back(&row);
    }
  }
  std::vector<std::string> clues;
  for (const auto& [clue, group] : group_of_clue) clues.push_back(clue);
  const std::set<std::string> imported_before = imported.ExistingKeys("clue_no", clues);
  std::map<std::string, std::size_t> first_row_of_worker;  // employer|worker → row
  for (const auto& group : groups) {
    ComplaintRecord record;
    reader.Select(*group.front());
    const std::size_t errors_before = plan.errors.size();
    record.clue_no = reader.Text("clue_no");
    if (imported_before.contains(record.clue_no)) {
      reader.Report("clue_no", "该线索编号已导入过", "this clue number was imported before");
    }
    record.input.channel = context.channel;
    if (auto at = reader.Take(imports::ParseInstantCell(reader.Text("received_at"), "received_at"))) record.input.received_at = *at;
    auto employer = ReadEmployer(reader);
    if (employer) record.input.employer = *employer;
    record.input.project_name = reader.Text("project_name");
    record.input.summary = reader.Text("summary");
    std::optional<std::int64_t> known_employer;
    if (employer && employer->credit_code) {
      if (auto existing = cases.FindEmployerByCreditCode(*employer->credit_code)) known_employer = existing->id;
    }
    for (const auto* row : group) {
      reader.Select(*row);
      auto worker = ReadWorker(reader);
      if (!worker) continue;
      std::string key = (employer && employer->credit_code ? *employer->credit_code : reader.Text("employer_name")) + "|" +
                        worker->id_number.value_or("name:" + worker->name);
      if (reader.SeenBefore(first_row_of_worker, key, worker->id_number ? "id_number" : "worker_name", "同一用人单位、同一劳动者",
                            "same employer and worker")) {
        continue;
      }
      if (auto index = IdIndex(context, worker->id_number); index && known_employer) {
        if (auto case_no = imported.CaseWithWorkerIndex(*index, std::nullopt, known_employer)) {
          reader.Report("id_number", "该劳动者已在案件 " + *case_no + " 中登记（同一用人单位）",
                        "this worker is already in case " + *case_no + " (same employer)");
          continue;
        }
      }
      record.input.workers.push_back(std::move(*worker));
    }
    if (plan.errors.size() != errors_before) continue;
    if (auto ok = context.cases.CheckComplaint(context.who, record.input); !ok) {
      auto index = ImportFieldOf(ok.error().field).second;
      reader.ReportServiceError(group[index && *index < group.size() ? *index : 0]->line, ok.error());
      continue;
    }
    plan.complaints.push_back(std::move(record));
  }
}

void PlanRoster(const imports::Table& table, RowReader& reader, const ImportContext& context, ImportPlan& plan) {
  store::ImportRepository imported(context.connection);
  std::map<std::string, std::size_t> first_row_of_id;
  for (const auto& row : table.rows) {
    reader.Select(row);
    auto worker = ReadWorker(reader);
    if (!worker) continue;
    if (auto ok = context.cases.CheckNewWorker(*worker, plan.workers.size()); !ok) {
      reader.ReportServiceError(row.line, ok.error());
      continue;
    }
    if (worker->id_number) {
      if (reader.SeenBefore(first_row_of_id, *worker->id_number, "id_number", "身份证号码", "ID number")) continue;
      if (imported.CaseWithWorkerIndex(*IdIndex(context, worker->id_number), context.case_id, std::nullopt)) {
        reader.Report("id_number", "该劳动者已在本案中登记", "this worker is already on the case");
        continue;
      }
    }
    plan.workers.push_back(std::move(*worker));
  }
  // The same ceiling as intake: a case lists at most 10,000 workers.
  auto target = store::CaseRepository(context.connection).FindCase(*context.case_id, {true, ""});
  if (target && target->workers_count + static_cast<std::int64_t>(plan.workers.size()) > kMaxWorkersPerCase) {
    plan.errors.push_back({0, "", "", "file", "本案已有 " + std::to_string(target->workers_count) + " 名劳动者，导入后将超过每案 10000 名的上限",
                           "The case has " + std::to_string(target->workers_count) + " workers; the import would exceed 10,000 per case"});
  }
}

void PlanEmployers(const imports::Table& table, RowReader& reader, const ImportContext& context, ImportPlan& plan) {
  store::CaseRepository cases(context.connection);
  std::map<std::string, std::size_t> first_row_of_code;
  for (const auto& row : table.rows) {
    reader.Select(row);
    auto employer = ReadEmployer(reader);
    if (!employer) continue;
    if (employer->credit_code) {
      if (reader.SeenBefore(first_row_of_code, *employer->credit_code, "employer_credit_code", "统一社会信用代码", "credit code")) continue;
      if (cases.FindEmployerByCreditCode(*employer->credit_code)) {
        reader.Report("employer_credit_code", "该用人单位已登记", "this employer is already registered");
        continue;
      }
    }
    plan.employers.push_back(std::move(*employer));
  }
}

std::optional<FeedRowInput> ReadFeedRow(imports::ImportKind kind, RowReader& reader) {
  FeedRowInput in;
  bool ok = true;
  if (kind != ImportKind::kAccount) {
    in.id_number = imports::NormalisedIdentifierCell(reader.Text("id_number"));
    in.name = reader.Text("name");
  }
  if (kind == ImportKind::kAttendance) {
    if (auto days = reader.Take(imports::ParseCountCell(reader.Text("days"), "days"))) in.days = *days; else ok = false;
    return ok ? std::optional(in) : std::nullopt;
  }
  if (auto amount = reader.Take(imports::ParseAmountCell(reader.Text("amount_yuan"), "amount_yuan"))) in.amount_fen = amount->fen(); else ok = false;
  const std::string date_field = kind == ImportKind::kPayroll ? "paid_on" : "date";
  if (auto at = reader.Take(imports::ParseInstantCell(reader.Text(date_field), date_field))) in.on_date = domain::ShanghaiDate(*at); else ok = false;
  if (kind == ImportKind::kPayroll) {
    auto through = reader.Take(imports::ParseYesNoCell(reader.Text("through_special_account"), "through_special_account"));
    if (through) in.through_special_account = *through; else ok = false;
  } else if (auto purpose = reader.Take(imports::ParseAccountPurposeCell(reader.Text("purpose"), "purpose"))) {
    in.purpose = *purpose;
  } else {
    ok = false;
  }
  return ok ? std::optional(in) : std::nullopt;
}

// A project's monthly feed: every cell parsed, then every row through the machine API's own checks
// (ProjectService::FeedRowErrors), so that a file and a bank's request are held to the same rules.
void PlanFeed(imports::ImportKind kind, const imports::Table& table, RowReader& reader, const ImportContext& context, ImportPlan& plan) {
  // The batch as the file holds it first (how many rows, none for a roster): the same checks as a
  // batch from the API, before any row is read.
  FeedInput feed{std::string(imports::ImportKindCode(kind)), context.feed_month, std::vector<FeedRowInput>(table.rows.size()), "file"};
  if (auto ok = context.projects->CheckFeedBatch(feed); !ok) {
    Error error = ok.error();
    RowReader::DropPath(error);
    plan.errors.push_back({0, "", "", "file", error.message_zh, error.message_en});
    return;
  }
  feed.rows.clear();
  std::vector<std::size_t> line_of_row;  // feed row → spreadsheet row
  for (const auto& row : table.rows) {
    reader.Select(row);
    if (auto in = ReadFeedRow(kind, reader)) {
      feed.rows.push_back(std::move(*in));
      line_of_row.push_back(row.line);
    }
  }
  for (auto& error : context.projects->FeedRowErrors(feed)) {
    auto index = ImportFieldOf(error.field).second;
    reader.ReportServiceError(index && *index < line_of_row.size() ? line_of_row[*index] : 0, std::move(error));
  }
  if (plan.errors.empty()) plan.feed = std::move(feed);
}

}  // namespace

ImportPlan PlanImport(ImportKind kind, const imports::Table& table, const imports::ColumnMapping& mapping, const ImportContext& context) {
  ImportPlan plan;
  RowReader reader(table, mapping, plan.errors);
  switch (kind) {
    case ImportKind::kComplaints: PlanComplaints(table, reader, context, plan); break;
    case ImportKind::kRoster: PlanRoster(table, reader, context, plan); break;
    case ImportKind::kEmployers: PlanEmployers(table, reader, context, plan); break;
    case ImportKind::kAttendance:
    case ImportKind::kPayroll:
    case ImportKind::kAccount: PlanFeed(kind, table, reader, context, plan); break;
  }
  return plan;
}

}  // namespace wagelink::services
