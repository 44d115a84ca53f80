#pragma once
// The associated data each encrypted value is sealed under (security/field_crypto.h). It names the
// field and the row, so a ciphertext copied into another row or column does not decrypt. Whoever
// seals or opens a value, and `wagelink crypto switch` which re-seals all of them, asks here.
#include <cstdint>
#include <string>
#include <string_view>

#include "store/sealed_fields_repository.h"

namespace wagelink::services {

// `field` is the worker column without its suffix: "id_number", "phone" or "bank_card".
inline std::string WorkerFieldContext(std::string_view field, std::int64_t worker_id) {
  return "worker." + std::string(field) + ":" + std::to_string(worker_id);
}

inline std::string TotpSecretContext(std::int64_t user_id) { return "totp.secret:" + std::to_string(user_id); }

// An uploaded import file is bound to its content hash, which is stored beside it.
inline std::string ImportFileContext(std::string_view sha256) { return "import.file:" + std::string(sha256); }

inline std::string SealingContext(const store::SealedField& field) {
  switch (field.kind) {
    case store::SealedKind::kWorkerField: return WorkerFieldContext(field.name, field.row_id);
    case store::SealedKind::kTotpSecret: return TotpSecretContext(field.row_id);
    case store::SealedKind::kImportFile: return ImportFileContext(field.name);
  }
  return {};
}

}  // namespace wagelink::services
