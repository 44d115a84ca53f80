#include "http/client_address.h"

#include <charconv>

namespace wagelink::http {
namespace {

std::optional<boost::asio::ip::address> ParseAddress(std::string_view text) {
  boost::system::error_code ec;
  auto address = boost::asio::ip::make_address(std::string(text), ec);
  if (ec) return std::nullopt;
  if (address.is_v6() && address.to_v6().is_v4_mapped()) {
    return boost::asio::ip::address(boost::asio::ip::make_address_v4(boost::asio::ip::v4_mapped, address.to_v6()));
  }
  return address;
}

std::vector<unsigned char> BytesOf(const boost::asio::ip::address& address) {
  if (address.is_v4()) {
    auto b = address.to_v4().to_bytes();
    return {b.begin(), b.end()};
  }
  auto b = address.to_v6().to_bytes();
  return {b.begin(), b.end()};
}

// Every part between delimiters, empty ones included.
std::vector<std::string_view> Split(std::string_view text, char delimiter) {
  std::vector<std::string_view> parts;
  for (std::size_t start = 0;;) {
    auto at = text.find(delimiter, start);
    parts.push_back(text.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start));
    if (at == std::string_view::npos) return parts;
    start = at + 1;
  }
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::optional<std::string> CanonicalAddress(std::string_view text) {
  auto address = ParseAddress(text);
  if (!address) return std::nullopt;
  return address->to_string();
}

Result<TrustedProxies> TrustedProxies::Parse(const std::vector<std::string>& entries) {
  TrustedProxies proxies;
  for (const auto& entry : entries) {
    auto bad = MakeError(ErrorCode::kValidationFailed, "不是 IP 地址或网段：" + entry, "not an IP address or network: " + entry);
    std::string_view text = entry;
    auto slash = text.find('/');
    auto address = ParseAddress(text.substr(0, slash));
    if (!address) return bad;
    Network network{BytesOf(*address), static_cast<int>(BytesOf(*address).size() * 8)};
    if (slash != std::string_view::npos) {
      auto digits = text.substr(slash + 1);
      int bits = -1;
      auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), bits);
      if (ec != std::errc() || end != digits.data() + digits.size() || bits < 0 || bits > network.prefix_bits) return bad;
      network.prefix_bits = bits;
    }
    proxies.networks_.push_back(std::move(network));
  }
  return proxies;
}

bool TrustedProxies::Contains(std::string_view text) const {
  if (networks_.empty()) return false;
  auto address = ParseAddress(text);
  if (!address) return false;
  auto bytes = BytesOf(*address);
  for (const auto& network : networks_) {
    if (network.bytes.size() != bytes.size()) continue;
    int bits = network.prefix_bits;
    bool match = true;
    for (std::size_t i = 0; bits > 0 && match; ++i, bits -= 8) {
      unsigned mask = bits >= 8 ? 0xFFu : (0xFFu << (8 - bits)) & 0xFFu;
      match = (network.bytes[i] & mask) == (bytes[i] & mask);
    }
    if (match) return true;
  }
  return false;
}

std::string TrustedProxies::ClientOf(const std::string& peer, const std::vector<std::string_view>& forwarded_for) const {
  if (!Contains(peer)) return peer;
  std::vector<std::string_view> hops;
  for (auto field : forwarded_for) {
    for (auto hop : Split(field, ',')) hops.push_back(Trim(hop));
  }
  std::string client = peer;
  for (auto hop = hops.rbegin(); hop != hops.rend(); ++hop) {
    auto address = CanonicalAddress(*hop);
    if (!address) break;
    client = *address;
    if (!Contains(client)) break;
  }
  return client;
}

std::optional<std::string> ProxyLineSource(std::string_view line) {
  auto words = Split(line, ' ');
  if (words.size() >= 2 && words[0] == "PROXY" && words[1] == "UNKNOWN") return std::string();
  if (words.size() != 6 || words[0] != "PROXY" || (words[1] != "TCP4" && words[1] != "TCP6")) return std::nullopt;
  auto source = ParseAddress(words[2]);
  if (!source || !ParseAddress(words[3])) return std::nullopt;
  return source->to_string();
}

}  // namespace wagelink::http
