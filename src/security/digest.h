#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace wagelink::security {

// Lower-case hex SHA-256 (libsodium) of `bytes`: the integrity hash of stored documents and bulletins.
std::string Sha256Hex(std::string_view bytes);
// The same of a file read in chunks (a backup's database may be gigabytes); nullopt if unreadable.
std::optional<std::string> Sha256HexOfFile(const std::string& path);

}  // namespace wagelink::security
