#pragma once
#include <memory>

#include "api/api_context.h"
#include "http/router.h"

namespace wagelink::api {

// Registers every endpoint. Each resource file contributes one Register* function.
std::shared_ptr<http::Router> BuildRouter(const ApiContext& context);

void RegisterSystemRoutes(http::Router& router, const ApiContext& context);
void RegisterMonitoringRoutes(http::Router& router, const ApiContext& context);
void RegisterAuthRoutes(http::Router& router, const ApiContext& context);
void RegisterAdminRoutes(http::Router& router, const ApiContext& context);
void RegisterRosterRoutes(http::Router& router, const ApiContext& context);
void RegisterReferenceRoutes(http::Router& router, const ApiContext& context);
void RegisterCaseRoutes(http::Router& router, const ApiContext& context);
void RegisterInboxRoutes(http::Router& router, const ApiContext& context);
void RegisterDocumentRoutes(http::Router& router, const ApiContext& context);
void RegisterLedgerRoutes(http::Router& router, const ApiContext& context);
void RegisterRiskRoutes(http::Router& router, const ApiContext& context);
void RegisterProjectRoutes(http::Router& router, const ApiContext& context);
void RegisterApiClientRoutes(http::Router& router, const ApiContext& context);
void RegisterMeetingRoutes(http::Router& router, const ApiContext& context);
void RegisterImportRoutes(http::Router& router, const ApiContext& context);
void RegisterDashboardRoutes(http::Router& router, const ApiContext& context);
void RegisterBlacklistRoutes(http::Router& router, const ApiContext& context);
void RegisterPublicationRoutes(http::Router& router, const ApiContext& context);
void RegisterBulletinRoutes(http::Router& router, const ApiContext& context);
void RegisterEarlyInterventionRoutes(http::Router& router, const ApiContext& context);
void RegisterWorklistRoutes(http::Router& router, const ApiContext& context);
void RegisterEvidenceRoutes(http::Router& router, const ApiContext& context);
void RegisterSystemConsoleRoutes(http::Router& router, const ApiContext& context);
void RegisterAnnouncementRoutes(http::Router& router, const ApiContext& context);
void RegisterRecommendationRoutes(http::Router& router, const ApiContext& context);

}  // namespace wagelink::api
