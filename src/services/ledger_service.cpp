#include "services/ledger_service.h"

#include <unistd.h>

#include <boost/json/object.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "docs/xlsx_ledger.h"
#include "domain/case_state.h"
#include "domain/civil_date.h"
#include "domain/zh_dates.h"
#include "services/admin_service.h"
#include "services/case_scope.h"
#include "services/zh_text.h"
#include "store/ledger_repository.h"

namespace wagelink::services {
namespace {
using security::Permission;

// A ledger is an export of the cases the reader sees: case.export as well as the case scope.
Result<store::CaseScope> ScopeFor(const Principal& who) {
  if (!who.Can(Permission::kCaseExport)) return Forbidden(Permission::kCaseExport);
  return CaseScopeOf(who);
}

std::string Local(const std::string& iso, bool with_time) {
  if (iso.empty()) return "";
  auto at = domain::Instant::ParseRfc3339(iso);
  if (!at) return iso;
  std::string text = at->ToIsoShanghai();  // 2025-12-12T15:00:00+08:00
  return with_time ? text.substr(0, 10) + " " + text.substr(11, 5) : text.substr(0, 10);
}

std::string StateZh(const std::string& code) {
  auto state = domain::ParseCaseStateCode(code);
  return state ? std::string(domain::CaseStateNameZh(*state)) : code;
}

double Yuan(std::int64_t fen) { return static_cast<double>(fen) / 100.0; }

// A private temporary file, removed when this goes out of scope.
class TempFile {
 public:
  TempFile() {
    std::string pattern = (std::filesystem::temp_directory_path() / "wagelink-ledger-XXXXXX.xlsx").string();
    int fd = mkstemps(pattern.data(), 5);
    if (fd >= 0) {
      close(fd);
      path_ = pattern;
    }
  }
  ~TempFile() {
    if (!path_.empty()) std::remove(path_.c_str());
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

template <class Fill>
Result<LedgerExport> Build(store::Database& db, const Clock& clock, const AuditTrail& audit, const Principal& who,
                           const std::string& kind, const std::string& title, const std::vector<docs::LedgerColumn>& columns,
                           Fill fill) {
  auto scope = ScopeFor(who);
  if (!scope) return scope.error();
  const domain::Instant now = domain::Instant::FromUnixSeconds(clock.Now());
  // The person's name, not the login name (people never see machine text); the export is audited.
  const std::string watermark =
      (who.display_name.empty() ? who.username : who.display_name) + " 导出于 " + domain::ZhMinute(now);
  TempFile file;
  if (file.path().empty()) return MakeError(ErrorCode::kInternal, "无法创建临时文件", "cannot create a temporary file");
  auto writer = docs::XlsxLedgerWriter::Create(file.path(), title, title, columns, watermark);
  if (!writer) return writer.error();
  {
    // Released before the audit entry's connection is taken: one connection per request at a time.
    auto reading = db.AcquireForReading(who.read_after);
    fill(store::LedgerRepository(*reading), *scope, **writer);
  }
  std::int64_t rows = (*writer)->rows();
  if (auto closed = (*writer)->Close(); !closed) return closed.error();
  std::ifstream in(file.path(), std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  auto connection = db.Acquire();
  store::Transaction tx(*connection);
  audit.Append(*connection, who, "ledger.export", {"ledger", kind}, nullptr, boost::json::object{{"rows", rows}});
  tx.Commit();
  return LedgerExport{title + "-" + Local(now.ToIsoUtc(), false) + ".xlsx", bytes.str(), rows};
}

}  // namespace

Result<LedgerExport> LedgerService::CaseLedger(const Principal& who) {
  std::vector<docs::LedgerColumn> columns{{"案件编号", 16},       {"案件名称", 36}, {"用人单位", 28},
                                          {"统一社会信用代码", 22}, {"项目", 20},     {"来源渠道", 16},
                                          {"受理时间", 17},       {"办理状态", 14}, {"劳动者人数", 10},
                                          {"欠薪金额（元）", 14},  {"已支付（元）", 14}, {"尚欠（元）", 14},
                                          {"整改期限", 12}};
  return Build(db_, clock_, audit_, who, "cases", "案件台账", columns,
               [](store::LedgerRepository repo, const store::CaseScope& scope, docs::XlsxLedgerWriter& out) {
                 repo.StreamCases(scope, [&](const store::CaseLedgerRow& r) {
                   out.AddRow({r.case_no, r.title, r.employer_name, r.credit_code, r.project_name, ChannelZh(r.channel),
                               Local(r.received_at, true), StateZh(r.state), r.workers_count, Yuan(r.owed_fen),
                               Yuan(r.paid_fen), Yuan(r.owed_fen - r.paid_fen), r.order_deadline});
                 });
               });
}

Result<LedgerExport> LedgerService::TransferLedger(const Principal& who) {
  std::vector<docs::LedgerColumn> columns{{"案件编号", 16},   {"用人单位", 28},     {"移送书文号", 18},
                                          {"批准移送时间", 17}, {"移送时间", 17},     {"回执签收时间", 17},
                                          {"立案时间", 17},   {"不予立案时间", 17}, {"办理状态", 14},
                                          {"劳动者人数", 10}, {"涉案金额（元）", 14}, {"尚欠（元）", 14}};
  return Build(db_, clock_, audit_, who, "transfers", "移送台账", columns,
               [](store::LedgerRepository repo, const store::CaseScope& scope, docs::XlsxLedgerWriter& out) {
                 repo.StreamTransfers(scope, [&](const store::TransferLedgerRow& r) {
                   out.AddRow({r.case_no, r.employer_name, r.transfer_doc_no, Local(r.approved_at, true),
                               Local(r.sent_at, true), Local(r.receipt_at, true), Local(r.filed_at, true),
                               Local(r.declined_at, true), StateZh(r.state), r.workers_count, Yuan(r.owed_fen),
                               Yuan(r.owed_fen - r.paid_fen)});
                 });
               });
}

}  // namespace wagelink::services
