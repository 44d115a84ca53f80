#pragma once
// Every row of an import checked before anything is written: each cell parsed (imports/
// cell_values), each record put through the same checks as a single record from the API
// (CaseIntake), duplicates found within the file and against what the database already holds.
// The result is either the inputs to write or a row-level error report — never part of both.
#include <string>
#include <vector>

#include "imports/column_mapping.h"
#include "imports/table.h"
#include "services/case_intake.h"
#include "services/project_service.h"
#include "services/security_keys.h"

namespace wagelink::services {

struct ImportRowError {
  std::size_t row = 0;  // the spreadsheet row a person sees
  std::string column;   // "C", or empty when the record as a whole is wrong
  std::string header;   // the column's header text
  std::string field;    // the import field key
  std::string message_zh, message_en;
};

struct ComplaintRecord {
  std::string clue_no;  // empty when the file has none
  ComplaintInput input;
};

struct ImportPlan {
  std::vector<ImportRowError> errors;
  std::vector<ComplaintRecord> complaints;  // kind complaints
  std::vector<WorkerInput> workers;         // kind roster
  std::vector<EmployerInput> employers;     // kind employers
  std::optional<FeedInput> feed;            // kinds attendance, payroll, account: the month's batch
  std::size_t records() const {
    return complaints.size() + workers.size() + employers.size() + (feed ? feed->rows.size() : 0);
  }
};

struct ImportContext {
  const CaseIntake& cases;
  const SecurityKeys& keys;
  const Principal& who;
  store::Connection& connection;     // read-only: duplicates against existing data
  std::string channel;                // complaints
  std::optional<std::int64_t> case_id;  // roster
  const ProjectService* projects = nullptr;  // project feeds: the same row checks as the machine API
  std::string feed_month;                     // project feeds: YYYY-MM
};

ImportPlan PlanImport(imports::ImportKind kind, const imports::Table& table, const imports::ColumnMapping& mapping,
                      const ImportContext& context);

}  // namespace wagelink::services
