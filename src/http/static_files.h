#pragma once
// Serves the built SPA (web/dist) from memory: loaded once at start, so a request never touches
// the disk and no path from a request is ever joined to a file-system path.
//  - /assets/* (content-hashed by Vite): Cache-Control immutable for a year;
//  - any other GET path without a file extension: index.html (client-side routes), no-cache;
//  - when web/dist is missing: a plain start page that says what WageLink is.
#include <map>
#include <optional>
#include <string>

#include "http/message.h"

namespace wagelink::http {

class StaticFiles {
 public:
  // Loads every file under `root` (capped in count and size). A missing root is not an error.
  explicit StaticFiles(const std::string& root);
  std::optional<Response> Serve(const Request& request) const;
  bool has_spa() const { return files_.contains("/index.html"); }

 private:
  struct File {
    std::string content;
    std::string content_type;
  };
  std::map<std::string, File, std::less<>> files_;
};

std::string ContentTypeFor(std::string_view path);

}  // namespace wagelink::http
