#pragma once
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/byte_source.h"

namespace wagelink::security {

// Lower-case hex SHA-256 (libsodium) of `bytes`: the integrity hash of stored documents and bulletins.
std::string Sha256Hex(std::string_view bytes);
// The same of a file read in chunks (a backup's database may be gigabytes); nullopt if unreadable.
std::optional<std::string> Sha256HexOfFile(const std::string& path);
// The same of a stream read to its end (a spooled upload); the stream's error if it cannot be read.
Result<std::string> Sha256HexOfStream(ByteSource& source);

// SHA-256 of a stream fed piece by piece (an uploaded file), in constant memory.
class Sha256Stream {
 public:
  Sha256Stream();
  ~Sha256Stream();
  void Update(std::string_view bytes);
  std::string HexDigest();  // once, at the end

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace wagelink::security
