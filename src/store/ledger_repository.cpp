#include "store/ledger_repository.h"

namespace wagelink::store {
namespace {

constexpr std::string_view kCases =
    "SELECT c.case_no, c.title, e.name, COALESCE(e.credit_code, ''), c.project_name, c.channel, c.received_at, "
    "c.state, c.workers_count, c.owed_fen, c.paid_fen, COALESCE(c.order_deadline, '') "
    "FROM cases c JOIN employers e ON e.id = c.employer_id "
    "WHERE (? = 1 OR EXISTS (SELECT 1 FROM case_parties p WHERE p.case_id = c.id AND p.body_code = ?)) "
    "ORDER BY c.received_at, c.id";

constexpr std::string_view kTransfers =
    "SELECT c.case_no, e.name, c.state, c.workers_count, c.owed_fen, c.paid_fen, "
    "COALESCE((SELECT MAX(v.at) FROM case_events v WHERE v.case_id = c.id AND v.event = 'approve_transfer'), ''), "
    "COALESCE((SELECT MAX(v.at) FROM case_events v WHERE v.case_id = c.id AND v.event = 'send_transfer'), ''), "
    "COALESCE((SELECT MAX(v.at) FROM case_events v WHERE v.case_id = c.id AND v.event = 'sign_receipt'), ''), "
    "COALESCE((SELECT MAX(v.at) FROM case_events v WHERE v.case_id = c.id AND v.event = 'file_case'), ''), "
    "COALESCE((SELECT MAX(v.at) FROM case_events v WHERE v.case_id = c.id AND v.event = 'decline_filing'), ''), "
    "COALESCE((SELECT d.doc_no FROM documents d WHERE d.case_id = c.id AND d.kind = 'transfer_letter' "
    "ORDER BY d.id DESC LIMIT 1), '') "
    "FROM cases c JOIN employers e ON e.id = c.employer_id "
    "WHERE EXISTS (SELECT 1 FROM case_events s WHERE s.case_id = c.id AND s.event = 'send_transfer') "
    "AND (? = 1 OR EXISTS (SELECT 1 FROM case_parties p WHERE p.case_id = c.id AND p.body_code = ?)) "
    "ORDER BY c.received_at, c.id";

}  // namespace

void LedgerRepository::StreamCases(const CaseScope& scope, const std::function<void(const CaseLedgerRow&)>& on_row) {
  c_.Stream(kCases, {std::int64_t{scope.all_in_region}, scope.body_code}, [&](const Row& r) {
    on_row({r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.Text(4), r.Text(5), r.Text(6), r.Text(7), r.Int(8), r.Int(9),
            r.Int(10), r.Text(11)});
  });
}

void LedgerRepository::StreamTransfers(const CaseScope& scope,
                                       const std::function<void(const TransferLedgerRow&)>& on_row) {
  c_.Stream(kTransfers, {std::int64_t{scope.all_in_region}, scope.body_code}, [&](const Row& r) {
    on_row({r.Text(0), r.Text(1), r.Text(2), r.Int(3), r.Int(4), r.Int(5), r.Text(6), r.Text(7), r.Text(8), r.Text(9),
            r.Text(10), r.Text(11)});
  });
}

}  // namespace wagelink::store
