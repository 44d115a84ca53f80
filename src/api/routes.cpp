#include "api/routes.h"

namespace wagelink::api {

std::shared_ptr<http::Router> BuildRouter(const ApiContext& context) {
  auto router = std::make_shared<http::Router>();
  RegisterSystemRoutes(*router, context);
  RegisterMonitoringRoutes(*router, context);
  RegisterAuthRoutes(*router, context);
  RegisterAdminRoutes(*router, context);
  RegisterRosterRoutes(*router, context);
  RegisterReferenceRoutes(*router, context);
  RegisterCaseRoutes(*router, context);
  RegisterInboxRoutes(*router, context);
  RegisterDocumentRoutes(*router, context);
  RegisterLedgerRoutes(*router, context);
  RegisterRiskRoutes(*router, context);
  RegisterProjectRoutes(*router, context);
  RegisterApiClientRoutes(*router, context);
  RegisterMeetingRoutes(*router, context);
  RegisterImportRoutes(*router, context);
  RegisterDashboardRoutes(*router, context);
  RegisterBlacklistRoutes(*router, context);
  RegisterPublicationRoutes(*router, context);
  RegisterBulletinRoutes(*router, context);
  RegisterEarlyInterventionRoutes(*router, context);
  RegisterWorklistRoutes(*router, context);
  RegisterEvidenceRoutes(*router, context);
  RegisterSystemConsoleRoutes(*router, context);
  RegisterAnnouncementRoutes(*router, context);
  RegisterRecommendationRoutes(*router, context);
  return router;
}

}  // namespace wagelink::api
