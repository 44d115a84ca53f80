// /api/v1/ledgers/*.xlsx: the case and transfer ledgers (台账) within the caller's scope.
#include "api/guard.h"
#include "api/routes.h"
#include "services/ledger_service.h"

namespace wagelink::api {
namespace {

constexpr const char* kXlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

http::Response XlsxResponse(const http::Request& request, Result<services::LedgerExport> ledger, const char* ascii_name) {
  if (!ledger) return Problem(request, ledger.error());
  auto response = http::Response::Text(200, kXlsx, std::move(ledger->bytes));
  response.SetHeader("Content-Disposition", http::AttachmentDisposition(ledger->filename, ascii_name));
  response.SetHeader("Cache-Control", "no-store");
  response.SetHeader("X-Ledger-Rows", std::to_string(ledger->rows));
  return response;
}

}  // namespace

void RegisterLedgerRoutes(http::Router& router, const ApiContext& context) {
  const GuardOptions kRendering{.expensive = true};  // the workbook is built on each download
  router.Add("GET", "/api/v1/ledgers/cases.xlsx", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    return XlsxResponse(request, context.ledgers->CaseLedger(who), "cases.xlsx");
  }, kRendering));
  router.Add("GET", "/api/v1/ledgers/transfers.xlsx", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    return XlsxResponse(request, context.ledgers->TransferLedger(who), "transfers.xlsx");
  }, kRendering));
}

}  // namespace wagelink::api
