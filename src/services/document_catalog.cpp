#include "services/document_catalog.h"

namespace wagelink::services {

const docs::DocumentTemplate* DocumentTemplates::Find(std::string_view kind) const {
  for (const auto& t : items) {
    if (t.kind == kind) return &t;
  }
  return nullptr;
}

const DocumentIssuer* DocumentIssuers::Issuer(std::string_view body_code) const {
  for (const auto& issuer : issuers) {
    if (issuer.body_code == body_code) return &issuer;
  }
  return nullptr;
}

const DocumentSeries* DocumentIssuers::SeriesOf(std::string_view kind) const {
  for (const auto& s : series) {
    if (s.kind == kind) return &s;
  }
  return nullptr;
}

std::string DocumentIssuers::NameOf(std::string_view body_code) const {
  const DocumentIssuer* issuer = Issuer(body_code);
  return issuer ? issuer->name_zh : std::string(body_code);
}

std::string DocumentNumber(const DocumentSeries& series, int year, std::int64_t seq) {
  return series.prefix + "〔" + std::to_string(year) + "〕" + std::to_string(seq) + "号";
}

std::string SeriesCounterName(std::string_view body_code, std::string_view kind) {
  return "document." + std::string(body_code) + "." + std::string(kind);
}

}  // namespace wagelink::services
