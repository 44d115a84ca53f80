#pragma once
// The top of every request: route it, run the handler, and turn anything that escapes into a
// problem response with the request id — the one place exceptions are caught (see STYLE.md).
#include <functional>
#include <memory>

#include "http/router.h"
#include "http/static_files.h"

namespace wagelink::api {

class Dispatcher {
 public:
  Dispatcher(std::shared_ptr<const http::Router> router, std::shared_ptr<const http::StaticFiles> static_files);
  http::Response Handle(http::Request& request) const noexcept;
  // The route's admission from the headers alone (see http::Admission); nullopt for routes without one.
  std::optional<http::Response> Admit(http::Request& request) const noexcept;
  std::size_t BodyLimitFor(std::string_view method, std::string_view path) const {
    return router_->BodyLimitFor(method, path);
  }
  std::shared_ptr<http::BodySpool> SpoolFor(std::string_view method, std::string_view path) const {
    return router_->SpoolFor(method, path);
  }
  bool AnswersInline(std::string_view method, std::string_view path) const {
    return router_->AnswersInline(method, path);
  }

 private:
  http::Response Route(http::Request& request) const;
  std::shared_ptr<const http::Router> router_;
  std::shared_ptr<const http::StaticFiles> static_files_;
};

// Headers every response carries unless it sets its own (ARCHITECTURE.md security baseline).
http::HeaderList SecurityHeaders();

}  // namespace wagelink::api
