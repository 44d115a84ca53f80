#pragma once
// A response body written as events arrive (Server-Sent Events). The handler returns it in
// `Response::stream`; the connection's coroutine then writes from it without holding a worker
// thread: it sleeps until `wake` is called (or a heartbeat is due) and writes what `Take` returns.
#include <functional>
#include <string>

namespace wagelink::http {

class EventStream {
 public:
  virtual ~EventStream() = default;
  // Called once by the server before the first Take. `wake` may be called from any thread, any
  // number of times, until Close returns; it never blocks.
  virtual void Open(std::function<void()> wake) = 0;
  // The bytes ready since the last call (complete `event:`/`data:` blocks), possibly empty.
  virtual std::string Take() = 0;
  // True once the stream has said its last word (e.g. its session ended): the server writes what
  // Take returns and then closes the connection. Read before Take, so the last bytes are included.
  virtual bool Ended() { return false; }
  // Called once when the connection ends (client gone, shutdown, stream cap); no wake after it.
  virtual void Close() = 0;
};

}  // namespace wagelink::http
