// The JSON bodies of every route family, through the same readers the handlers use: the body reader
// (content type, depth limit, object at the top, unknown keys), then the parser of the family the
// first byte selects — case steps with their payloads, complaints, findings, the district's case
// rules (threshold and time-limit overrides), holiday notices, and the
// typed field readers every other route reads its few fields with.
#include <boost/json/serialize.hpp>

#include "api/case_step_parser.h"
#include "domain/threshold_profile.h"
#include "domain/time_limit.h"
#include "domain/work_calendar.h"
#include "fuzz_support.h"
#include "reference_data.h"
#include "http/json_body.h"

using namespace wagelink;

namespace {

void ReadFieldsAsAnyRouteDoes(const boost::json::object& body) {
  for (const auto& [key, value] : body) {
    (void)http::OptionalString(body, key);
    (void)http::OptionalInt(body, key);
    (void)http::OptionalBool(body, key);
    (void)http::StringOr(body, key, 64, "x");
  }
  (void)http::OnlyKnownKeys(body, {"title", "note", "page"}, "body");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto [selector, text] = fuzz::Select(data, size);
  http::Request request;
  request.method = "POST";
  request.headers.emplace_back("content-type", "application/json; charset=utf-8");
  request.body = std::string(text);
  auto body = http::ParseJsonObjectCheckedByDomain(request);
  if (!body) return 0;
  switch (selector % 7) {
    case 0: (void)api::ParseStepInput(*body); break;
    case 1: (void)api::ParseComplaintInput(*body); break;
    case 2: (void)api::ParseFindingInput(*body); break;
    case 3: (void)domain::test::OfficialThresholds().WithOverrides(boost::json::serialize(*body)); break;
    case 4: (void)domain::test::OfficialTimeLimits().WithOverrides(boost::json::serialize(*body)); break;
    case 5: (void)domain::ParseHolidayNotice(*body); break;
    default: ReadFieldsAsAnyRouteDoes(*body); break;
  }
  return 0;
}
