#include "services/security_keys.h"

#include <filesystem>

namespace wagelink::services {

Result<std::shared_ptr<const SecurityKeys>> SecurityKeys::Load(const std::string& key_file,
                                                               const std::optional<std::string>& inline_key) {
  if (inline_key) {
    auto master = security::MasterKey::FromString(*inline_key);
    if (!master) return master.error();
    return std::shared_ptr<const SecurityKeys>(new SecurityKeys(*master));
  }
  std::error_code ec;
  if (!std::filesystem::exists(key_file, ec)) {
    auto parent = std::filesystem::path(key_file).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent, ec);
    if (auto created = security::GenerateKeyFile(key_file); !created) return created.error();
  }
  auto master = security::MasterKey::FromFile(key_file);
  if (!master) return master.error();
  return std::shared_ptr<const SecurityKeys>(new SecurityKeys(*master));
}

}  // namespace wagelink::services
