#pragma once
// Anchors: signed checkpoints published outside the database, one JSON object per line, e.g.
//   {"seq":48,"hash":"…","signed_at":"2026-01-05T01:00:00Z","kind":"periodic","signature":"…","public_key":"…"}
// The server appends one line per checkpoint to its anchor file and hands the newest to the auditor
// who downloads it. `audit verify` checks the log against them, so a database that was truncated,
// rolled back or rewritten together with its own checkpoints no longer matches what was published.
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "security/audit_checkpoint.h"

namespace wagelink::security {

// One line, with its newline. `public_key` is informational: verification uses the key derived from
// the master key, so a line signed with any other key fails.
std::string AnchorLine(const Checkpoint& checkpoint, std::string_view public_key_text);

// Every non-empty line of an anchor file; each checkpoint's `source` is set to `source`. A line that
// is not a well-formed anchor is an error naming its line number (a damaged anchor proves nothing).
Result<std::vector<Checkpoint>> ParseAnchors(std::string_view text, std::string_view source);

}  // namespace wagelink::security
