#pragma once
// Who a request comes from, for the per-client limits, the login rate limit and the audit trail:
// the TCP peer — or, only when that peer is one of the configured trusted proxies, the address the
// proxy reports (X-Forwarded-For, or a PROXY protocol v1 line). A peer that is not trusted cannot
// choose its address: its X-Forwarded-For is ignored and a PROXY line from it is a bad request.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/asio/ip/address.hpp>

#include "core/error.h"

namespace wagelink::http {

class TrustedProxies {
 public:
  // Each entry is an address ("10.0.0.5", "fd00::1") or a network ("10.0.0.0/24", "fd00::/8").
  static Result<TrustedProxies> Parse(const std::vector<std::string>& entries);
  bool empty() const { return networks_.empty(); }
  bool Contains(std::string_view address) const;
  // The client behind `peer`: X-Forwarded-For is read right to left (each trusted proxy appends the
  // address it received the request from) and the first address that is not a trusted proxy wins.
  // `forwarded_for` holds every X-Forwarded-For field of the request, in order. An unparsable entry
  // stops the walk at the last trusted hop, so garbage never picks a client's bucket.
  std::string ClientOf(const std::string& peer, const std::vector<std::string_view>& forwarded_for) const;

 private:
  struct Network {
    std::vector<unsigned char> bytes;  // 4 or 16
    int prefix_bits;
  };
  std::vector<Network> networks_;
};

// The source address of a PROXY protocol v1 line ("PROXY TCP4 src dst sport dport", without the
// CRLF); an empty string for "PROXY UNKNOWN ..." (use the peer); nullopt when it is malformed.
std::optional<std::string> ProxyLineSource(std::string_view line);

// The canonical text of an address (IPv4-mapped IPv6 as IPv4), or nullopt when it is not one.
std::optional<std::string> CanonicalAddress(std::string_view text);

}  // namespace wagelink::http
