#pragma once
// The spool of large uploads (http/body_spool.h): a temporary file that is unlinked as soon as it
// is created (nothing is left behind by a crash) and holds the bytes sealed under a random key
// that lives only in memory for the request (security/file_sealing.h), so an upload in transit is
// never on disk in the clear.
#include <filesystem>

#include "http/body_spool.h"

namespace wagelink::api {

// Spools into files created in `directory` (created when missing).
http::BodySpoolFactory SealedSpoolFactory(std::filesystem::path directory);

}  // namespace wagelink::api
