// The stateless crime assessment (POST /api/v1/assessments and `wagelink assess`): any text in,
// a decision or a named refusal out, against the real thresholds in data/.
#include "domain/assessment_json.h"
#include "fuzz_support.h"
#include "reference_data.h"

using namespace wagelink;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  (void)domain::AssessJson(fuzz::AsText(data, size), domain::test::OfficialThresholds());
  return 0;
}
