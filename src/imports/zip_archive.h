#pragma once
// Read-only access to a zip held in memory (an .xlsx), with the bomb defences applied while
// inflating: a cap on entries, on the bytes inflated in total, and on each entry's ratio of
// inflated to compressed size. Declared sizes are checked up front but not trusted: the
// counters run on the bytes actually produced.
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "imports/table.h"

namespace wagelink::imports {

class ZipArchive {
 public:
  using Sink = std::function<Status(std::string_view chunk)>;

  static Result<std::unique_ptr<ZipArchive>> Open(std::string_view bytes, const ReadLimits& limits);
  ~ZipArchive();
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  bool Contains(const std::string& name);
  // Streams the inflated entry to `sink` in chunks; stops at the first error.
  Status Read(const std::string& name, const Sink& sink);

 private:
  struct Source;
  ZipArchive(std::unique_ptr<Source> source, void* handle, const ReadLimits& limits);
  std::unique_ptr<Source> source_;
  void* handle_;
  const ReadLimits& limits_;
  std::uint64_t inflated_total_ = 0;
};

}  // namespace wagelink::imports
