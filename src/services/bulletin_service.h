#pragma once
// Bulletins (简报): weekly, monthly and quarterly (by the `bulletins` job, once per period) and on
// demand. Each is computed from the data — counts and sums only, never a person — stored as a
// dated record with its SHA-256 (no update or delete path), and announced in every body's inbox.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "domain/bulletin_period.h"
#include "services/audit_trail.h"
#include "services/principal.h"
#include "store/bulletin_repository.h"
#include "store/database.h"

namespace wagelink::services {

struct BulletinRequest {
  domain::BulletinPeriod period = domain::BulletinPeriod::kOnDemand;
  std::optional<domain::CivilDate> first, last;  // on demand: the range; periodic: the previous period
};

struct BulletinSummary {
  std::int64_t id = 0;
  std::string bulletin_no;  // internal key of the period (unique per period), not for people
  std::string issue_no;     // 期号 shown to people: 〔2026〕第11期
  std::string period;  // domain::BulletinPeriod code
  std::string period_start;
  std::string period_end;
  std::string generated_at;
  std::string generated_by;
  std::string generated_by_name;  // the issuer by name; "" when the system issued it on schedule
  std::string sha256;
};

struct BulletinView {
  BulletinSummary summary;
  std::string figures;      // the figures as issued (JSON text, covered by the hash)
  bool hash_valid = false;  // the stored record still matches its hash
};

class BulletinService {
 public:
  BulletinService(store::Database& db, const Clock& clock, const AuditTrail& audit) : db_(db), clock_(clock), audit_(audit) {}

  Result<BulletinView> Generate(const Principal& who, const BulletinRequest& request);
  // The job: issues the previous week's, month's and quarter's bulletins not issued yet.
  std::int64_t IssueDuePeriodic();
  // `read_after`: Principal::read_after of the reader (a bulletin just generated is listed at once).
  Result<BulletinView> Get(std::int64_t id, std::string_view read_after);
  std::vector<BulletinSummary> List(std::string_view read_after, std::int64_t limit, std::int64_t offset);
  // The bulletin as a PDF (src/docs renderer) with the viewer's watermark (services/bulletin_pdf.cpp).
  Result<std::string> RenderPdf(const Principal& who, std::int64_t id);

 private:
  Result<BulletinView> Issue(const Principal& who, domain::BulletinPeriod period, domain::DateRange range);
  store::Database& db_;
  const Clock& clock_;
  const AuditTrail& audit_;
};

// The text the hash covers: the record's fields in a fixed order.
std::string BulletinHashInput(const store::BulletinRow& row);

}  // namespace wagelink::services
