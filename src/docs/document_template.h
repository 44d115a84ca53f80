#pragma once
// Document templates are data (data/templates/*.json): the fixed prose of a 文书 with {{field}}
// placeholders, and the list of its fields, each marked with its legal status (LEGAL.md §5):
//   - source "case": filled from the case record (number, employer, amounts, deadline ...);
//   - source "template": wording with a default in the file. A CONFIRMED wording is the law's and
//     is fixed; DERIVED/UNCONFIRMED/SECONDARY wording may be edited by the operator in the file and
//     overridden per document when it is issued.
// Parsing validates every placeholder against the field list, so a typo stops the server at start.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "docs/pdf_document.h"

namespace wagelink::docs {

struct TemplateField {
  std::string name;
  std::string source;  // case | template
  std::string status;  // CONFIRMED | DERIVED | SECONDARY | UNCONFIRMED
  std::string basis;   // citation or where the wording comes from
  std::string default_text;
  bool Editable() const { return source == "template" && status != "CONFIRMED"; }
};

struct TemplateBlock {
  BlockStyle style = BlockStyle::kBody;
  std::string text;
  std::string label;
  std::string each;  // a list value: the block repeats per entry with {{n}} and {{item}}
  std::string when;  // a value: the block is left out when it is empty
};

struct DocumentTemplate {
  std::string kind;         // stable code, e.g. rectification_order
  std::string title;        // 标题
  std::string title_en;
  std::string issuer_body;  // body code that issues it: hrss | police | procuratorate ...
  std::string permission;   // permission code the issuing user needs
  std::string basis;        // the legal basis of the document itself, with its citation (LEGAL.md §5)
  std::string copy_to;      // 抄送 with placeholders (may be empty)
  std::string annotation;   // 附注 with placeholders (may be empty), GB/T 9704 §7.3.6
  bool seal = true;
  bool letterhead = true;
  bool signer = false;      // 签发人 on the number line (GB/T 9704 §7.2.5: 上行文)
  std::vector<TemplateField> fields;
  std::vector<TemplateBlock> blocks;

  const TemplateField* Field(std::string_view name) const;
};

Result<DocumentTemplate> ParseDocumentTemplate(std::string_view json_text);

struct TemplateValues {
  std::map<std::string, std::string> values;               // source "case" fields
  std::map<std::string, std::vector<std::string>> lists;    // lists for "each" blocks
  std::map<std::string, std::string> overrides;             // editable wording, per document
};

// Checks the per-document wording overrides: only editable fields, bounded, printable text.
Status CheckOverrides(const DocumentTemplate& document_template, const std::map<std::string, std::string>& overrides);

// Fills the body of the document (title, blocks, copy-to, annotation); the caller adds issuer,
// number, signer and date. The 发文字号 series is the district's (data/document_issuers.json).
Result<PdfDocument> FillTemplate(const DocumentTemplate& document_template, const TemplateValues& values);

}  // namespace wagelink::docs
