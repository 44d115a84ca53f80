#pragma once
// How sure we are of a legal fact (LEGAL.md, "Status tags"). Every figure loaded from data/ carries
// one, so that users see next to a computed deadline or threshold whether it rests on the official
// text or on a secondary source, and so the operator knows which values are theirs to set.
#include <optional>
#include <string>
#include <string_view>

namespace wagelink::domain {

enum class SourceStatus {
  kConfirmed,        // clause read in a primary text or an official reprint
  kSecondary,        // paraphrased or quoted by a news report, lawyer's page or local document
  kLocal,            // one province's or city's rule; an example or configurable default
  kUnconfirmed,      // not found in any readable source: must be configured and checked
  kPlatformSetting,  // not law at all: a value the platform chose (e.g. alert windows)
};

// The data-file spelling: "CONFIRMED", "SECONDARY", "LOCAL", "UNCONFIRMED", "PLATFORM_SETTING".
std::string_view SourceStatusName(SourceStatus status);
std::optional<SourceStatus> ParseSourceStatus(std::string_view name);

// A citation of the data files ("国务院令第310号§5¶2") as people read it: "国务院令第310号第5条第2款".
// Section and paragraph marks followed by a number become 第…条 and 第…款; everything else stays.
std::string CitationInWords(std::string_view citation);

}  // namespace wagelink::domain
