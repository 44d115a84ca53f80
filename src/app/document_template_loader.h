#pragma once
#include <memory>
#include <string>

#include "core/error.h"
#include "services/document_catalog.h"

namespace wagelink::app {

// Reads and validates data/templates/*.json (one document template per file, named by its kind) and
// data/document_issuers.json (the district's issuing bodies and number series), and checks them
// against each other and the step table: every template's body has an issuer, every template a
// number series, every document a step issues a template. A broken file stops the server at start
// rather than failing when a document is issued.
Result<std::shared_ptr<const services::DocumentCatalog>> LoadDocumentCatalog(const std::string& data_dir);

}  // namespace wagelink::app
