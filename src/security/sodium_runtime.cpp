#include "security/sodium_runtime.h"

#include <sodium.h>

#include <stdexcept>

namespace wagelink::security {

void EnsureSodium() {
  // A function-local static is initialised once even under concurrent first calls.
  static const bool ready = [] {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
    return true;
  }();
  (void)ready;
}

}  // namespace wagelink::security
