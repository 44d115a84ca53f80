#pragma once
// The demo accounts share the password published in README and data/demo/district.json. While
// any of them still uses it, `Application::Start` serves on a loopback address only and throws
// DemoPasswordRefusal for any other; on loopback the UI shows a warning banner.
#include <stdexcept>
#include <string>

namespace wagelink::app {

struct DemoPasswordRefusal : std::runtime_error {
  DemoPasswordRefusal(std::string address, int accounts)
      : std::runtime_error("demo accounts use the published password"), address(std::move(address)), accounts(accounts) {}
  std::string address;
  int accounts;
};

bool IsLoopbackAddress(const std::string& address);

}  // namespace wagelink::app
