#pragma once
// Where a large request body goes instead of memory (an evidence upload): the server appends
// the bytes as they arrive, on the I/O thread, and the handler reads them back as a stream.
// The route chooses the spool (RouteOptions::spool); the implementation (api/sealed_spool.h)
// keeps the bytes encrypted under a key that dies with the request.
#include <functional>
#include <memory>
#include <string_view>

#include "core/byte_source.h"

namespace wagelink::http {

class BodySpool {
 public:
  virtual ~BodySpool() = default;
  // Throws std::runtime_error when the bytes cannot be kept (disk full): the request is refused.
  virtual void Append(std::string_view bytes) = 0;
  // Once the whole body has arrived: the bytes as they were appended.
  virtual std::unique_ptr<ByteSource> Read() = 0;
};

using BodySpoolFactory = std::function<std::shared_ptr<BodySpool>()>;

}  // namespace wagelink::http
