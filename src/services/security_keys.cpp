#include "services/security_keys.h"

#include <filesystem>

#include "security/encoding.h"

namespace wagelink::services {

Result<std::shared_ptr<const SecurityKeys>> SecurityKeys::Load(const std::string& key_file,
                                                               const std::optional<std::string>& inline_key,
                                                               Creation creation, security::CryptoSuite suite) {
  if (inline_key) {
    auto master = security::MasterKey::FromString(*inline_key);
    if (!master) return master.error();
    return std::shared_ptr<const SecurityKeys>(new SecurityKeys(*master, suite));
  }
  std::error_code ec;
  if (!std::filesystem::exists(key_file, ec)) {
    if (creation == Creation::kRefusedReadOnly) {
      return MakeError(ErrorCode::kNotFound,
                       "密钥文件 " + key_file + " 不存在；审计核验从不创建密钥，请指定写入该数据库时所用的密钥文件",
                       "key file " + key_file +
                           " does not exist; audit verify never creates a key: give the key file the database was "
                           "written with",
                       "security.key_file");
    }
    if (creation == Creation::kRefusedDatabaseInUse) {
      return MakeError(ErrorCode::kNotFound,
                       "密钥文件 " + key_file +
                           " 不存在，而数据库已有加密数据或审计记录：拒绝新建密钥（新密钥无法解密已有数据）。"
                           "请指定原密钥文件或设置 WAGELINK_MASTER_KEY",
                       "key file " + key_file +
                           " does not exist but the database already holds encrypted data or audit records: refusing "
                           "to create a new key (it could not read them). Give the original key file or set "
                           "WAGELINK_MASTER_KEY",
                       "security.key_file");
    }
    auto parent = std::filesystem::path(key_file).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent, ec);
    if (auto created = security::GenerateKeyFile(key_file); !created) return created.error();
  }
  auto master = security::MasterKey::FromFile(key_file);
  if (!master) return master.error();
  return std::shared_ptr<const SecurityKeys>(new SecurityKeys(*master, suite));
}

void SecurityKeys::SealEntry(security::AuditEntry& entry, std::string_view prev_hash) const {
  if (suite() == security::CryptoSuite::kSodium) return security::SealEntry(entry, prev_hash, audit_chain_key_);
  entry.prev_hash = std::string(prev_hash);
  entry.hash = security::Sm3ChainHash(entry, prev_hash, sm3_chain_key_);
}

security::Checkpoint SecurityKeys::SignCheckpoint(std::int64_t seq, std::string_view hash, std::string_view signed_at,
                                                  security::CheckpointKind kind) const {
  if (suite() == security::CryptoSuite::kSodium) return security::SignCheckpoint(audit_key_, seq, hash, signed_at, kind);
  return security::SignCheckpointSm2(sm2_audit_key_, seq, hash, signed_at, kind);
}

std::string SecurityKeys::AnchorPublicKey() const {
  if (suite() == security::CryptoSuite::kSodium) return audit_key_.public_key().ToHex();
  return std::string(security::kSm2SignaturePrefix) + security::ToHex(security::AsBytes(sm2_audit_key_.public_key()));
}

}  // namespace wagelink::services
