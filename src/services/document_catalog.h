#pragma once
// What issuing a document needs besides the case: the templates of data/templates and the district's
// issuing bodies and number series of data/document_issuers.json, loaded and cross-checked at start
// (app/document_template_loader.cpp): every template's body has an issuer, every case document a
// series, every kind a step issues a template.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "docs/document_template.h"

namespace wagelink::services {

// The templates of data/templates, loaded and validated at start.
struct DocumentTemplates {
  std::vector<docs::DocumentTemplate> items;
  const docs::DocumentTemplate* Find(std::string_view kind) const;
};

// A body as it signs its documents: its full legal name and the office that prints them (版记).
struct DocumentIssuer {
  std::string body_code;
  std::string name_zh;
  std::string print_office;
};

// The 发文字号 series of one document type: prefix〔year〕N号, counted per body, type and year.
struct DocumentSeries {
  std::string kind;
  std::string prefix;
};

struct DocumentIssuers {
  std::string district;
  std::vector<DocumentIssuer> issuers;
  std::vector<DocumentSeries> series;
  const DocumentIssuer* Issuer(std::string_view body_code) const;
  const DocumentSeries* SeriesOf(std::string_view kind) const;
  // The full name of a body for the text of a document; the code itself when not configured.
  std::string NameOf(std::string_view body_code) const;
};

struct DocumentCatalog {
  DocumentTemplates templates;
  DocumentIssuers issuers;
};

// "示劳监移〔2026〕3号"
std::string DocumentNumber(const DocumentSeries& series, int year, std::int64_t seq);
// The counter row of a series (sequences.name): one per body and document type.
std::string SeriesCounterName(std::string_view body_code, std::string_view kind);

}  // namespace wagelink::services
