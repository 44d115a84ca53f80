#pragma once
// Bulletins (简报): the figures they are built from (counts and sums over a period — never a row
// about a person) and the stored records, which are only ever inserted and read.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace wagelink::store {

struct BulletinRow {
  std::int64_t id = 0;
  std::string bulletin_no;
  std::string period;
  std::string period_start;
  std::string period_end;
  std::string generated_at;
  std::string generated_by;
  std::string figures;
  std::string sha256;
  std::int64_t issue_year = 0;  // 期号: 〔issue_year〕第issue_seq期, numbered per year of issue
  std::int64_t issue_seq = 0;
  std::string generated_by_name;  // read only: the issuer's display name ("" for the system)
};

struct ComplaintTotals {
  std::int64_t cases = 0;
  std::int64_t workers = 0;
  std::int64_t owed_fen = 0;
};

class BulletinRepository {
 public:
  explicit BulletinRepository(Connection& connection) : c_(connection) {}

  // Case events in [from, to) as (event code, payload JSON), for counting steps and summing payments.
  void StreamEvents(const std::string& from, const std::string& to,
                    const std::function<void(const std::string&, const std::string&)>& on_event);
  // Complaints registered in [from, to): cases, workers and the amount owed.
  ComplaintTotals NewComplaints(const std::string& from, const std::string& to);
  // Open statutory clocks already reported overdue, per responsible body.
  std::map<std::string, std::int64_t> OverdueByBody();
  // Major risks (escalated to the wage-arrears office) first reported in [from, to), and all still open.
  std::pair<std::int64_t, std::int64_t> MajorRisks(const std::string& from, const std::string& to);
  // Employers listed (decision date) and publications made (publication date) between two civil
  // dates, inclusive; withdrawn publications and revoked listings still count, as they happened.
  struct ExposureTotals {
    std::int64_t listed = 0;
    std::int64_t published = 0;
  };
  ExposureTotals Exposure(const std::string& first_day, const std::string& last_day);
  // 检察建议 issued, answered and evaluated between two civil dates (inclusive), and those whose
  // reply was due by `last_day` and had not come by then, per body addressed.
  struct RecommendationTotals {
    std::int64_t issued = 0, answered = 0, evaluated = 0;
    std::map<std::string, std::int64_t> overdue_by_body;
  };
  RecommendationTotals Recommendations(const std::string& first_day, const std::string& last_day);
  std::vector<std::string> BodyCodes();

  std::int64_t Insert(const BulletinRow& row);  // throws UniqueViolation for a period already issued
  std::optional<BulletinRow> Get(std::int64_t id);
  bool Exists(const std::string& bulletin_no);
  std::vector<BulletinRow> List(std::int64_t limit, std::int64_t offset);  // newest first, without figures

 private:
  Connection& c_;
};

}  // namespace wagelink::store
