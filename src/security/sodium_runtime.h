#pragma once
// libsodium must be initialised once before its RNG and primitives are used; every entry point of
// this layer calls EnsureSodium() so callers never have to remember it.

namespace wagelink::security {

// Initialises libsodium exactly once (thread-safe). Throws std::runtime_error if the library cannot
// start, which only happens when the process has no usable randomness source: nothing can be done
// safely then, so aborting the request is right.
void EnsureSodium();

}  // namespace wagelink::security
