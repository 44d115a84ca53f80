#pragma once
#include <memory>
#include <string>

#include "core/error.h"
#include "services/document_service.h"

namespace wagelink::app {

// Reads and validates data/templates/*.json (one document template per file, named by its kind).
// A broken template stops the server at start rather than failing when a document is issued.
Result<std::shared_ptr<const services::DocumentTemplates>> LoadDocumentTemplates(const std::string& data_dir);

}  // namespace wagelink::app
