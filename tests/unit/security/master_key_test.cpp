#include "security/master_key.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "security/encoding.h"
#include "security/tokens.h"

namespace wagelink::security {
namespace {

namespace fs = std::filesystem;

class MasterKeyFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    directory_ = fs::temp_directory_path() / ("wagelink-key-test-" + RandomHex(8));
    fs::create_directories(directory_);
  }
  void TearDown() override { fs::remove_all(directory_); }

  fs::path Write(std::string_view name, std::string_view content, fs::perms perms) {
    const fs::path path = directory_ / name;
    std::ofstream(path, std::ios::binary) << content;
    fs::permissions(path, perms);
    return path;
  }

  fs::path directory_;
};

std::string Pattern() {
  std::string key(32, '\0');
  for (int i = 0; i < 32; ++i) key[i] = static_cast<char>(i + 1);
  return key;
}

std::string FieldKeyHex(const MasterKey& key) {
  const SubKey subkey = key.Derive(KeyPurpose::kFieldEncryption);
  return ToHex({subkey.data(), subkey.size()});
}

constexpr fs::perms kOwnerOnly = fs::perms::owner_read | fs::perms::owner_write;

TEST_F(MasterKeyFiles, RawHexAndBase64FormsGiveTheSameKey) {
  const std::string raw = Pattern();
  const std::string hex = ToHex(AsBytes(raw));
  const std::string base64 = "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=";
  auto from_raw = MasterKey::FromFile(Write("raw.key", raw, kOwnerOnly));
  auto from_hex = MasterKey::FromFile(Write("hex.key", hex + "\n", kOwnerOnly));
  auto from_b64 = MasterKey::FromFile(Write("b64.key", "  " + base64 + "\r\n", kOwnerOnly));
  auto from_env = MasterKey::FromString(hex);
  ASSERT_TRUE(from_raw.ok()) << from_raw.error().message_en;
  ASSERT_TRUE(from_hex.ok()) << from_hex.error().message_en;
  ASSERT_TRUE(from_b64.ok()) << from_b64.error().message_en;
  ASSERT_TRUE(from_env.ok()) << from_env.error().message_en;
  EXPECT_EQ(FieldKeyHex(*from_raw), FieldKeyHex(*from_hex));
  EXPECT_EQ(FieldKeyHex(*from_raw), FieldKeyHex(*from_b64));
  EXPECT_EQ(FieldKeyHex(*from_raw), FieldKeyHex(*from_env));
}

TEST_F(MasterKeyFiles, ReadOnlyOwnerFileIsAccepted) {
  EXPECT_TRUE(MasterKey::FromFile(Write("ro.key", Pattern(), fs::perms::owner_read)).ok());
}

TEST_F(MasterKeyFiles, GroupOrWorldAccessibleFileIsRefusedNamingThePath) {
  for (fs::perms perms :
       {fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read | fs::perms::others_read,
        kOwnerOnly | fs::perms::group_read, kOwnerOnly | fs::perms::others_read, kOwnerOnly | fs::perms::group_write}) {
    const fs::path path = Write("open.key", Pattern(), perms);
    const auto key = MasterKey::FromFile(path);
    ASSERT_FALSE(key.ok());
    EXPECT_NE(key.error().message_en.find(path.string()), std::string::npos);
    EXPECT_NE(key.error().message_zh.find(path.string()), std::string::npos);
    EXPECT_NE(key.error().message_en.find("chmod 600"), std::string::npos);
    fs::remove(path);
  }
}

TEST_F(MasterKeyFiles, The0644ModeIsRefused) {
  const fs::path path = Write("k.key", ToHex(AsBytes(Pattern())), kOwnerOnly);
  ASSERT_EQ(::chmod(path.c_str(), 0644), 0);
  const auto key = MasterKey::FromFile(path);
  ASSERT_FALSE(key.ok());
  EXPECT_NE(key.error().message_en.find("0644"), std::string::npos);
}

TEST_F(MasterKeyFiles, MalformedKeysAreRefusedWithoutEchoingContent) {
  for (std::string content : {std::string("short"), std::string(64, 'g'), std::string(31, 'a'), std::string(33, 'a'),
                              std::string(5000, 'a'), ToHex(AsBytes(Pattern())) + "00"}) {
    const fs::path path = Write("bad.key", content, kOwnerOnly);
    const auto key = MasterKey::FromFile(path);
    ASSERT_FALSE(key.ok()) << content.size();
    EXPECT_EQ(key.error().message_en.find(content), std::string::npos);
    fs::remove(path);
  }
}

TEST_F(MasterKeyFiles, AllZeroKeyIsRefused) {
  EXPECT_FALSE(MasterKey::FromFile(Write("zero.key", std::string(32, '\0'), kOwnerOnly)).ok());
  EXPECT_FALSE(MasterKey::FromString(std::string(64, '0')).ok());
}

TEST_F(MasterKeyFiles, MissingFileAndDirectoryAreRefused) {
  EXPECT_FALSE(MasterKey::FromFile(directory_ / "absent.key").ok());
  fs::permissions(directory_, fs::perms::owner_all);
  EXPECT_FALSE(MasterKey::FromFile(directory_).ok());
}

TEST_F(MasterKeyFiles, GenerateKeyFileWritesA0600FileThatLoads) {
  const fs::path path = directory_ / "master.key";
  ASSERT_TRUE(GenerateKeyFile(path).ok());
  struct stat info {};
  ASSERT_EQ(::stat(path.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
  EXPECT_EQ(fs::file_size(path), 65u);  // 64 hex characters and a newline
  EXPECT_TRUE(MasterKey::FromFile(path).ok());
  // No temporary file is left behind.
  EXPECT_EQ(std::distance(fs::directory_iterator(directory_), fs::directory_iterator()), 1);
}

TEST_F(MasterKeyFiles, GenerateKeyFileNeverOverwrites) {
  const fs::path path = directory_ / "master.key";
  ASSERT_TRUE(GenerateKeyFile(path).ok());
  const auto before = MasterKey::FromFile(path);
  ASSERT_TRUE(before.ok());
  const auto again = GenerateKeyFile(path);
  ASSERT_FALSE(again.ok());
  EXPECT_NE(again.error().message_en.find("already exists"), std::string::npos);
  const auto after = MasterKey::FromFile(path);
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(FieldKeyHex(*before), FieldKeyHex(*after));
}

TEST_F(MasterKeyFiles, GenerateKeyFileGivesDifferentKeys) {
  ASSERT_TRUE(GenerateKeyFile(directory_ / "a.key").ok());
  ASSERT_TRUE(GenerateKeyFile(directory_ / "b.key").ok());
  EXPECT_NE(FieldKeyHex(*MasterKey::FromFile(directory_ / "a.key")),
            FieldKeyHex(*MasterKey::FromFile(directory_ / "b.key")));
}

TEST_F(MasterKeyFiles, GenerateKeyFileInMissingDirectoryFails) {
  EXPECT_FALSE(GenerateKeyFile(directory_ / "no" / "such" / "master.key").ok());
}

TEST(MasterKey, SubkeysDifferPerPurposeAndAreDeterministic) {
  const std::string raw = Pattern();
  const MasterKey key = MasterKey::FromBytes(std::span<const unsigned char, kKeyBytes>(AsBytes(raw).data(), kKeyBytes));
  const auto hex = [&](KeyPurpose purpose) {
    const SubKey subkey = key.Derive(purpose);
    return ToHex({subkey.data(), subkey.size()});
  };
  EXPECT_EQ(hex(KeyPurpose::kFieldEncryption), hex(KeyPurpose::kFieldEncryption));
  EXPECT_NE(hex(KeyPurpose::kFieldEncryption), hex(KeyPurpose::kBlindIndex));
  EXPECT_NE(hex(KeyPurpose::kFieldEncryption), hex(KeyPurpose::kAuditSigning));
  EXPECT_NE(hex(KeyPurpose::kBlindIndex), hex(KeyPurpose::kAuditSigning));
  EXPECT_NE(hex(KeyPurpose::kAuditChain), hex(KeyPurpose::kAuditSigning));
  EXPECT_NE(hex(KeyPurpose::kAuditChain), hex(KeyPurpose::kBlindIndex));
  EXPECT_NE(hex(KeyPurpose::kFieldEncryption), ToHex(AsBytes(raw)));
}

TEST(MasterKey, FromStringRefusesGarbage) {
  EXPECT_FALSE(MasterKey::FromString("").ok());
  EXPECT_FALSE(MasterKey::FromString("not a key").ok());
  EXPECT_FALSE(MasterKey::FromString(std::string(63, 'a')).ok());
  EXPECT_TRUE(MasterKey::FromString(" " + std::string(64, 'a') + "\n").ok());
}

}  // namespace
}  // namespace wagelink::security
