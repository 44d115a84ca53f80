#include "services/import_service.h"

#include <sodium.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "security/encoding.h"
#include "services/admin_service.h"
#include "services/sealing_contexts.h"
#include "store/case_tally_repository.h"
#include "store/case_repository.h"
#include "store/case_timeline_repository.h"
#include "store/grown_table.h"
#include "store/project_repository.h"

namespace wagelink::services {
namespace {
using security::Permission;

constexpr std::size_t kMaxCaseIdsInResult = 1000;

std::string Sha256Hex(std::string_view bytes) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  return security::ToHex(digest);
}

// A project feed may hold a header alone: whether an empty batch is allowed is the feed's rule
// (ProjectService::CheckFeedBatch), decided with the row checks.
imports::ReadLimits LimitsFor(imports::ImportKind kind) {
  imports::ReadLimits limits;
  limits.header_only_allowed = imports::IsProjectFeed(kind);
  return limits;
}

Error NotFound() { return MakeError(ErrorCode::kNotFound, "导入记录不存在", "No such import"); }

}  // namespace

boost::json::object MappingJson(const imports::ColumnMapping& mapping) {
  boost::json::object out;
  for (const auto& [field, column] : mapping) out[field] = column;
  return out;
}

imports::ColumnMapping MappingFromJson(const std::string& text) {
  imports::ColumnMapping mapping;
  boost::system::error_code ec;
  auto value = boost::json::parse(text, ec);
  if (ec || !value.is_object()) return mapping;
  for (const auto& [field, column] : value.as_object()) {
    if (column.is_int64() && column.as_int64() >= 0) mapping[std::string(field)] = static_cast<std::size_t>(column.as_int64());
  }
  return mapping;
}

boost::json::array ReportJson(const std::vector<ImportRowError>& errors) {
  boost::json::array out;
  for (const auto& e : errors) {
    out.push_back({{"row", e.row}, {"column", e.column}, {"header", e.header}, {"field", e.field},
                   {"message_zh", e.message_zh}, {"message_en", e.message_en}});
  }
  return out;
}

std::vector<ImportRowError> ReportFromJson(const std::string& text) {
  std::vector<ImportRowError> errors;
  boost::system::error_code ec;
  auto value = boost::json::parse(text, ec);
  if (ec || !value.is_array()) return errors;
  for (const auto& item : value.as_array()) {
    const auto& o = item.as_object();
    auto str = [&](const char* key) { return std::string(o.at(key).as_string()); };
    errors.push_back({static_cast<std::size_t>(o.at("row").to_number<std::int64_t>()), str("column"), str("header"), str("field"),
                      str("message_zh"), str("message_en")});
  }
  return errors;
}

ImportView ImportService::ViewOf(store::Connection& connection, store::ImportRow row) const {
  ImportView view;
  row.content_enc.clear();
  boost::system::error_code ec;
  auto header = boost::json::parse(row.header, ec);
  if (!ec && header.is_array()) {
    for (const auto& h : header.as_array()) view.header.push_back(h.is_string() ? std::string(h.as_string()) : "");
  }
  view.mapping = MappingFromJson(row.mapping);
  view.errors = ReportFromJson(row.report);
  if (row.project_id) {
    if (auto project = store::ProjectRepository(connection).Find(*row.project_id)) {
      view.project_no = project->project_no;
      view.project_name = project->name;
    }
  }
  view.row = std::move(row);
  return view;
}

Status ImportService::MayImport(const Principal& who, imports::ImportKind kind) const {
  if (imports::IsProjectFeed(kind)) {
    if (!who.Can(Permission::kRiskWrite)) return Forbidden(Permission::kRiskWrite);
    return Ok{};
  }
  if (!who.Can(Permission::kCaseWrite)) return Forbidden(Permission::kCaseWrite);
  if (who.body_code != "hrss") return MakeError(ErrorCode::kForbidden, "只有劳动保障监察机构可以导入", "Only labour inspection imports");
  return Ok{};
}

// A feed names a registered project and a month that has begun; other kinds name neither.
Status ImportService::CheckFeedTarget(store::Connection& connection, const ImportUpload& upload) const {
  const bool feed = imports::IsProjectFeed(*imports::ParseImportKind(upload.kind));
  if (!feed) {
    if (upload.project_id || !upload.month.empty()) {
      return InvalidField(upload.project_id ? "project_id" : "month", "只有项目监测数据导入才指定项目和月份",
                          "only a project feed names a project and a month");
    }
    return Ok{};
  }
  if (!upload.project_id) return InvalidField("project_id", "导入项目监测数据须指定工程项目", "a project feed needs project_id");
  if (auto ok = projects_.CheckFeedMonth(upload.month); !ok) return ok.error();
  if (!store::ProjectRepository(connection).Find(*upload.project_id)) {
    return MakeError(ErrorCode::kNotFound, "工程项目不存在", "No such project", "project_id");
  }
  return Ok{};
}

Result<ImportView> ImportService::Upload(const Principal& who, const ImportUpload& upload) {
  auto kind = imports::ParseImportKind(upload.kind);
  if (!kind) {
    return InvalidField("kind", "应为 complaints、roster、employers、attendance、payroll 或 account",
                        "must be complaints, roster, employers, attendance, payroll or account");
  }
  if (auto ok = MayImport(who, *kind); !ok) return ok.error();
  if (*kind == imports::ImportKind::kRoster && !upload.case_id) return InvalidField("case_id", "导入花名册须指定案件", "a roster import needs case_id");
  if (*kind == imports::ImportKind::kComplaints && !CaseIntake::IsKnownChannel(upload.channel)) {
    return InvalidField("channel", "应为 12333、national_clue_platform、walk_in、petition、inspection 或 referral", "unknown channel");
  }
  if (upload.file_name.size() > 200 || !imports::IsValidUtf8(upload.file_name)) {
    return InvalidField("file_name", "文件名过长或编码无效", "file name too long or not UTF-8");
  }
  auto table = imports::ReadTable(upload.bytes, LimitsFor(*kind));
  if (!table) return table.error();

  const std::string now = domain::Instant::FromUnixSeconds(clock_.Now()).ToIsoUtc();
  store::ImportRow row;
  row.kind = std::string(imports::ImportKindCode(*kind));
  row.channel = *kind == imports::ImportKind::kComplaints ? upload.channel : "";
  row.file_name = upload.file_name;
  row.format = table->format;
  row.encoding = table->encoding;
  row.byte_size = static_cast<std::int64_t>(upload.bytes.size());
  row.sha256 = Sha256Hex(upload.bytes);
  row.content_enc = keys_->cipher().Encrypt(upload.bytes, ImportFileContext(row.sha256));
  boost::json::array header;
  for (const auto& h : table->header) header.emplace_back(h);
  row.header = boost::json::serialize(header);
  row.row_count = static_cast<std::int64_t>(table->rows.size());
  row.mapping = boost::json::serialize(MappingJson(imports::ProposeMapping(*kind, table->header)));
  row.status = "uploaded";
  row.project_id = upload.project_id;
  row.feed_month = upload.month;
  row.body_code = who.body_code;
  row.created_by = who.user_id;
  row.created_at = row.updated_at = now;

  auto connection = db_.Acquire();
  store::ImportRepository imports_repo(*connection);
  store::Transaction tx(*connection);
  if (auto ok = CheckFeedTarget(*connection, upload); !ok) return ok.error();
  if (upload.case_id) {
    auto scope = who.scope();
    store::CaseScope case_scope{scope.kind == security::DataScope::Kind::kAllInRegion, who.body_code};
    if (!store::CaseRepository(*connection).FindCase(*upload.case_id, case_scope)) {
      return MakeError(ErrorCode::kNotFound, "案件不存在或您无权查看", "No such case, or not visible to your body", "case_id");
    }
    if (*kind == imports::ImportKind::kRoster) row.case_id = upload.case_id;
  }
  // A feed may be sent again: it replaces the month's current batch (an earlier file back again
  // undoes a correction) and a repeat of the current one changes nothing (ProjectService).
  if (auto earlier = imports::IsProjectFeed(*kind) ? std::nullopt : imports_repo.CommittedWithSha(row.kind, row.sha256)) {
    return MakeError(ErrorCode::kConflict, "同一文件已于导入 #" + std::to_string(*earlier) + " 中导入",
                     "The same file was already imported (import #" + std::to_string(*earlier) + ")", "file");
  }
  row.id = imports_repo.Insert(row);
  audit_.Append(*connection, who, "import.upload", {"import", std::to_string(row.id)}, nullptr,
                boost::json::object{{"kind", row.kind}, {"rows", row.row_count}, {"sha256", row.sha256}, {"format", row.format},
                                    {"project_id", row.project_id ? boost::json::value(*row.project_id) : nullptr},
                                    {"month", row.feed_month}});
  tx.Commit();
  ImportView view = ViewOf(*connection, row);
  view.formula_cells = table->formula_cells;
  return view;
}

Result<ImportService::Loaded> ImportService::Load(store::Connection& connection, const Principal& who, std::int64_t id, bool with_table) {
  auto row = store::ImportRepository(connection).Find(id);
  // Someone else's import looks like none at all: it holds personal data.
  if (!row || row->created_by != who.user_id) return NotFound();
  const auto kind = *imports::ParseImportKind(row->kind);
  Loaded loaded{std::move(*row), kind, {}};
  if (auto ok = MayImport(who, loaded.kind); !ok) return ok.error();
  if (!with_table) return loaded;
  if (loaded.row.status == "committed") return MakeError(ErrorCode::kConflict, "该导入已提交", "This import was already committed");
  if (loaded.row.status == "expired") {
    return MakeError(ErrorCode::kConflict, "该导入超过 " + std::to_string(kRetentionDays) + " 天未提交，文件已删除，请重新上传",
                     "This import was left uncommitted for " + std::to_string(kRetentionDays) + " days and its file was deleted; upload it again");
  }
  auto bytes = keys_->cipher().Decrypt(loaded.row.content_enc, ImportFileContext(loaded.row.sha256));
  if (!bytes) return bytes.error();
  std::string().swap(loaded.row.content_enc);  // not needed again: held while the table is read, it is a file's worth of memory
  auto table = imports::ReadTable(*bytes, LimitsFor(loaded.kind));
  if (!table) return table.error();
  loaded.table = std::move(*table);
  return loaded;
}

Result<ImportView> ImportService::Get(const Principal& who, std::int64_t id) {
  auto connection = db_.Acquire();
  auto loaded = Load(*connection, who, id, false);
  if (!loaded) return loaded.error();
  return ViewOf(*connection, loaded->row);
}

ImportPlan ImportService::Plan(store::Connection& connection, const Principal& who, const Loaded& loaded, const imports::ColumnMapping& mapping) {
  ImportContext context{cases_, *keys_, who, connection, loaded.row.channel, loaded.row.case_id, &projects_, loaded.row.feed_month};
  return PlanImport(loaded.kind, loaded.table, mapping, context);
}

Result<ImportView> ImportService::Validate(const Principal& who, std::int64_t id, const imports::ColumnMapping& mapping) {
  auto connection = db_.Acquire();
  auto loaded = Load(*connection, who, id, true);
  if (!loaded) return loaded.error();
  if (auto ok = imports::CheckMapping(loaded->kind, mapping, loaded->table.header.size()); !ok) return ok.error();
  ImportPlan plan = Plan(*connection, who, *loaded, mapping);
  return SaveReport(*connection, loaded->row, mapping, plan);
}

ImportView ImportService::SaveReport(store::Connection& connection, store::ImportRow row, const imports::ColumnMapping& mapping,
                                     ImportPlan& plan) {
  row.mapping = boost::json::serialize(MappingJson(mapping));
  row.status = plan.errors.empty() ? "validated" : "invalid";
  row.error_count = static_cast<std::int64_t>(plan.errors.size());
  if (plan.errors.size() > kMaxReportedErrors) plan.errors.resize(kMaxReportedErrors);
  row.report = boost::json::serialize(ReportJson(plan.errors));
  row.updated_at = domain::Instant::FromUnixSeconds(clock_.Now()).ToIsoUtc();
  store::ImportRepository(connection).SaveValidation(row);
  return ViewOf(connection, row);
}

Result<ImportView> ImportService::Commit(const Principal& who, std::int64_t id) {
  auto connection = db_.Acquire();
  auto loaded = Load(*connection, who, id, true);
  if (!loaded) return loaded.error();
  if (loaded->row.status != "validated") {
    return MakeError(ErrorCode::kConflict, "请先确认列对应关系并通过校验", "Confirm the column mapping and pass validation first");
  }
  const auto mapping = MappingFromJson(loaded->row.mapping);
  ImportPlan plan = Plan(*connection, who, *loaded, mapping);
  if (!plan.errors.empty()) {  // someone registered the same data since the validation
    const std::size_t found = plan.errors.size();
    SaveReport(*connection, loaded->row, mapping, plan);
    return MakeError(ErrorCode::kValidationFailed, "提交前复核发现 " + std::to_string(found) + " 处错误，未导入任何数据，请查看错误报告",
                     "Re-validation before commit found " + std::to_string(found) + " errors; nothing was imported", "file");
  }
  store::Transaction tx(*connection);
  auto result = Write(*connection, who, *loaded, plan);
  if (!result) return result.error();
  const std::string now = domain::Instant::FromUnixSeconds(clock_.Now()).ToIsoUtc();
  if (!store::ImportRepository(*connection).MarkCommitted(id, boost::json::serialize(*result), now)) {
    return MakeError(ErrorCode::kConflict, "该导入已被提交或已改变", "This import was committed or changed meanwhile");
  }
  audit_.Append(*connection, who, "import.commit", {"import", std::to_string(id)}, nullptr,
                boost::json::object{{"kind", loaded->row.kind}, {"records", plan.records()}, {"sha256", loaded->row.sha256}});
  tx.Commit();
  return ViewOf(*connection, *store::ImportRepository(*connection).Find(id));
}

Result<boost::json::object> ImportService::Write(store::Connection& connection, const Principal& who, const Loaded& loaded,
                                                 const ImportPlan& plan) {
  store::ImportRepository imports_repo(connection);
  boost::json::object result{{"records", plan.records()}};
  if (plan.feed) {
    auto receipt = projects_.ReceiveFeedIn(connection, who, *loaded.row.project_id, *plan.feed);
    if (!receipt) return receipt.error();
    result["project_id"] = *loaded.row.project_id;
    result["project_no"] = receipt->project_no;
    result["month"] = plan.feed->month;
    result["batch_id"] = receipt->batch_id;
    result["repeated"] = receipt->repeated;
    result["replaced_batch_id"] = receipt->replaced_batch_id ? boost::json::value(*receipt->replaced_batch_id) : nullptr;
    result["open_warnings"] = receipt->open_warnings.size();
  }
  if (!plan.complaints.empty()) {
    boost::json::array case_ids, case_nos;  // the same cases, by id for links and by number for people
    std::vector<std::int64_t> created_ids;
    created_ids.reserve(plan.complaints.size());
    std::vector<const ComplaintInput*> complaints;
    for (const auto& record : plan.complaints) complaints.push_back(&record.input);
    IntakeNumbers numbers(connection);
    numbers.Reserve(complaints);
    for (const auto& record : plan.complaints) {
      store::PlanAgainAsTableGrows(connection, created_ids.size());  // the foreign-key checks of the cases
      const auto created = cases_.InsertComplaint(connection, who, record.input, numbers);
      created_ids.push_back(created.id);
      if (!record.clue_no.empty()) imports_repo.InsertKey("clue_no", record.clue_no, loaded.row.id, created.id);
      if (case_ids.size() < kMaxCaseIdsInResult) {
        case_ids.push_back(created.id);
        case_nos.push_back(boost::json::string(created.case_no));
      }
    }
    store::CaseTallyRepository(connection).Deposit(created_ids);
    result["cases_created"] = plan.complaints.size();
    result["case_ids"] = std::move(case_ids);
    result["case_nos"] = std::move(case_nos);
  }
  if (!plan.workers.empty()) {
    const std::int64_t case_id = *loaded.row.case_id;
    auto row = store::CaseRepository(connection).FindCase(case_id, {true, ""});
    cases_.InsertWorkers(connection, case_id, plan.workers);
    store::CaseEventRow event;
    event.case_id = case_id;
    event.event = "roster_imported";
    event.at = domain::Instant::FromUnixSeconds(clock_.Now()).ToIsoUtc();
    event.actor_user_id = who.user_id;
    event.actor_username = who.username;
    event.actor_body = who.body_code;
    event.from_state = event.to_state = row->state;
    event.payload = boost::json::serialize(boost::json::object{{"workers", plan.workers.size()}, {"import_id", loaded.row.id}});
    event.explanation_zh = "导入劳动者花名册 " + std::to_string(plan.workers.size()) + " 人。";
    event.explanation_en = "Worker roster imported: " + std::to_string(plan.workers.size()) + " workers.";
    event.request_id = who.request_id;
    store::CaseTimelineRepository(connection).InsertEvent(event);
    audit_.Append(connection, who, "case.workers.import", {"case", std::to_string(case_id)}, nullptr,
                  boost::json::object{{"workers", plan.workers.size()}, {"import_id", loaded.row.id}});
    result["case_id"] = case_id;
    result["case_no"] = row->case_no;
    result["workers_added"] = plan.workers.size();
  }
  if (!plan.employers.empty()) {
    for (const auto& employer : plan.employers) cases_.InsertEmployer(connection, employer);
    result["employers_created"] = plan.employers.size();
  }
  return result;
}

std::int64_t ImportService::PurgeAbandoned() {
  const std::int64_t now = clock_.Now();
  auto connection = db_.Acquire();
  return store::ImportRepository(*connection)
      .ExpireUntouchedSince(domain::Instant::FromUnixSeconds(now - kRetentionDays * 86400).ToIsoUtc(),
                            domain::Instant::FromUnixSeconds(now).ToIsoUtc());
}

Result<std::string> ImportService::ErrorReportCsv(const Principal& who, std::int64_t id) {
  auto view = Get(who, id);
  if (!view) return view.error();
  std::string csv = "\xEF\xBB\xBF行,列,表头,字段,错误,Error\r\n";
  for (const auto& e : view->errors) {
    for (const std::string& cell : {std::to_string(e.row), e.column, e.header, e.field, e.message_zh, e.message_en}) {
      csv += imports::CsvCell(cell);
      csv += ',';
    }
    csv.back() = '\r';
    csv += '\n';
  }
  return csv;
}

}  // namespace wagelink::services
