#pragma once
#include <string>
#include <string_view>

namespace wagelink::security {

// Lower-case hex SHA-256 (libsodium) of `bytes`: the integrity hash of stored documents and bulletins.
std::string Sha256Hex(std::string_view bytes);

}  // namespace wagelink::security
