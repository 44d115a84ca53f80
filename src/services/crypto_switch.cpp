#include "services/crypto_switch.h"

#include <boost/json/object.hpp>

#include "services/sealing_contexts.h"
#include "store/audit_repository.h"
#include "store/sealed_fields_repository.h"

namespace wagelink::services {

Result<CryptoSwitchReport> SwitchCryptoSuite(store::Database& db, const SecurityKeys& keys, const AuditTrail& audit,
                                             const Clock& clock) {
  auto connection = db.Acquire();
  store::Transaction tx(*connection);
  store::SealedFieldsRepository fields(*connection);
  const security::FieldCipher& cipher = keys.cipher();
  const auto from = SuiteInUse(*connection);
  CryptoSwitchReport report;
  report.to = keys.suite();
  std::optional<Error> failure;
  fields.ForEach([&](const store::SealedField& field) {
    if (failure) return;
    if (cipher.InCurrentSuite(field.sealed)) {
      ++report.fields_already_in_suite;
      return;
    }
    const std::string context = SealingContext(field);
    auto plaintext = cipher.Decrypt(field.sealed, context);
    if (!plaintext) {
      const std::string where = field.table + "." + field.column + " #" + std::to_string(field.row_id);
      failure = MakeError(ErrorCode::kConflict, "无法用当前主密钥解密 " + where + "，未做任何更改（请确认密钥文件）",
                          "cannot decrypt " + where + " with this master key; nothing was changed (check the key file)");
      return;
    }
    std::optional<std::string> index;
    if (field.index_column) index = cipher.BlindIndex("id_number", *plaintext);
    fields.Replace(field, cipher.Encrypt(*plaintext, context), index);
    ++report.fields_reencrypted;
  });
  if (failure) return *failure;
  const std::string now = FormatUtc(clock.Now());
  report.sessions_ended = fields.RevokeAllSessions(now);
  audit.Append(*connection, SystemActor("crypto-switch"), "security.crypto_switched", {"crypto_suite", ""},
               boost::json::object{{"suite", from ? std::string(SuiteName(*from)) : ""}},
               boost::json::object{{"suite", std::string(SuiteName(report.to))},
                                   {"fields_reencrypted", report.fields_reencrypted},
                                   {"fields_already_in_suite", report.fields_already_in_suite},
                                   {"sessions_ended", report.sessions_ended}});
  audit.CheckpointHead(*connection);  // the switch is vouched for under the new suite's signature
  tx.Commit();
  return report;
}

std::optional<security::CryptoSuite> SuiteInUse(store::Connection& connection) {
  auto head = store::AuditRepository(connection).Newest();
  if (!head) return std::nullopt;
  return head->hash.starts_with(security::kSm3ChainHashPrefix) ? security::CryptoSuite::kShangMi
                                                               : security::CryptoSuite::kSodium;
}

}  // namespace wagelink::services
