#pragma once
// The cases the procuratorate has joined early (提前介入, 人民检察院刑事诉讼规则 §256), found from
// their timelines, with the caller's need-to-know scope applied inside the query.
#include <cstdint>
#include <string>
#include <vector>

#include "store/case_repository.h"
#include "store/database.h"

namespace wagelink::store {

struct EarlyInterventionRow {
  std::int64_t case_id = 0;
  std::string case_no;
  std::string title;
  std::string state;
  std::string progress = "{}";  // the case's machine progress (stage, opinions)
  std::string project_name;
  std::string employer_name;
  std::string joined_at;     // the latest join
  std::string join_payload;  // {"ground": ...}
  std::string join_reason;
};

class EarlyInterventionRepository {
 public:
  explicit EarlyInterventionRepository(Connection& connection) : c_(connection) {}

  // Newest join first; one row per case (its latest join).
  std::vector<EarlyInterventionRow> List(const CaseScope& scope, std::int64_t limit, std::int64_t offset);
  std::int64_t Count(const CaseScope& scope);

 private:
  Connection& c_;
};

}  // namespace wagelink::store
