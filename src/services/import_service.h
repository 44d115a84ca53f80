#pragma once
// Spreadsheet imports in two steps (docs/imports.md): upload → the server reads the file and
// proposes a column mapping; the person confirms or edits it → every row is validated with a
// row-level report; commit writes every record in one transaction through the same CaseIntake
// paths as single records, or nothing. Cases and parties are imported by labour inspection
// (case.write) only; a registered project's monthly feeds (考勤表, 工资支付表, 专用账户流水) by whoever
// keeps the risk ledger (risk.write), committed through the same ProjectService path as the
// machine API's feeds. An import is visible to its uploader only: the file holds personal data.
#include <optional>
#include <string>
#include <vector>

#include "imports/column_mapping.h"
#include "services/import_validation.h"
#include "store/import_repository.h"

namespace wagelink::services {

struct ImportUpload {
  std::string kind;                     // complaints | roster | employers | attendance | payroll | account
  std::optional<std::int64_t> case_id;  // roster: the case the workers join
  std::optional<std::int64_t> project_id;  // a project feed: the project it reports on
  std::string month;                       // a project feed: the month it reports, YYYY-MM
  std::string channel = "national_clue_platform";  // complaints: intake channel of every row
  std::string file_name;
  std::string bytes;
};

struct ImportView {
  store::ImportRow row;  // content_enc cleared
  std::vector<std::string> header;
  imports::ColumnMapping mapping;
  std::vector<ImportRowError> errors;  // the stored report (first kMaxReportedErrors)
  std::size_t formula_cells = 0;       // upload only
  std::string project_no, project_name;  // a project feed: the project as people name it
};

class ImportService {
 public:
  static constexpr std::size_t kMaxReportedErrors = 1000;
  static constexpr std::int64_t kRetentionDays = 7;  // platform policy, not a legal period

  ImportService(store::Database& db, const Clock& clock, const AuditTrail& audit, CaseIntake& cases,
                std::shared_ptr<const SecurityKeys> keys, ProjectService& projects)
      : db_(db), clock_(clock), audit_(audit), cases_(cases), keys_(std::move(keys)), projects_(projects) {}

  Result<ImportView> Upload(const Principal& who, const ImportUpload& upload);
  Result<ImportView> Get(const Principal& who, std::int64_t id);
  // Checks the mapping, then every row; saves the report. Status "validated" or "invalid".
  Result<ImportView> Validate(const Principal& who, std::int64_t id, const imports::ColumnMapping& mapping);
  // Re-validates (the data may have changed since) and writes everything in one transaction.
  Result<ImportView> Commit(const Principal& who, std::int64_t id);
  // Scheduled: drops the files of imports left uncommitted for kRetentionDays (they hold personal
  // data); returns how many expired.
  std::int64_t PurgeAbandoned();
  // The row errors as CSV for a spreadsheet program (UTF-8 with BOM, cells safe from injection).
  Result<std::string> ErrorReportCsv(const Principal& who, std::int64_t id);

 private:
  struct Loaded {
    store::ImportRow row;
    imports::ImportKind kind;
    imports::Table table;
  };
  Status MayImport(const Principal& who, imports::ImportKind kind) const;
  Status CheckFeedTarget(store::Connection& connection, const ImportUpload& upload) const;
  ImportView ViewOf(store::Connection& connection, store::ImportRow row) const;
  Result<Loaded> Load(store::Connection& connection, const Principal& who, std::int64_t id, bool with_table);
  ImportPlan Plan(store::Connection& connection, const Principal& who, const Loaded& loaded, const imports::ColumnMapping& mapping);
  ImportView SaveReport(store::Connection& connection, store::ImportRow row, const imports::ColumnMapping& mapping, ImportPlan& plan);
  Result<boost::json::object> Write(store::Connection& connection, const Principal& who, const Loaded& loaded, const ImportPlan& plan);

  store::Database& db_;
  const Clock& clock_;
  const AuditTrail& audit_;
  CaseIntake& cases_;
  std::shared_ptr<const SecurityKeys> keys_;
  ProjectService& projects_;
};

// The stored JSON forms of a mapping and a report (shared with the API views).
boost::json::object MappingJson(const imports::ColumnMapping& mapping);
imports::ColumnMapping MappingFromJson(const std::string& text);
boost::json::array ReportJson(const std::vector<ImportRowError>& errors);
std::vector<ImportRowError> ReportFromJson(const std::string& text);

}  // namespace wagelink::services
