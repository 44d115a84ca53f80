// `wagelink backup` and `wagelink restore` (issue 12, docs/operations.md) on the database the suite
// runs against (SQLite file or PostgreSQL): a backup restores into an empty database with every row
// count and the audit log verified, and then serves; a non-empty target and a damaged backup are
// refused before anything is written.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "app/backup.h"
#include "support/test_server.h"

namespace wagelink::testing {
namespace {

namespace fs = std::filesystem;

struct Installation {
  ScratchDatabase db;
  std::string key = db.directory() + "/master.key";
  std::string anchors = db.directory() + "/anchors.jsonl";
  std::vector<std::string> Flags(const std::string& anchor_file = "") const {
    return {"--db", db.url(), "--data-dir", SourceDir() + "/data", "--key-file", key, "--anchor-file",
            anchor_file.empty() ? anchors : anchor_file};
  }
};

CommandResult Wagelink(std::vector<std::string> args, const std::vector<std::string>& flags) {
  args.insert(args.end(), flags.begin(), flags.end());
  return RunWagelink(args);
}

std::string OnlyBackupIn(const std::string& parent) {
  std::vector<fs::path> found;
  for (const auto& entry : fs::directory_iterator(parent)) found.push_back(entry.path());
  EXPECT_EQ(found.size(), 1u) << "one finished backup folder, no partial one left";
  return found.empty() ? "" : found.front().string();
}

TEST(Backup, ABackupRestoresIntoAnEmptyDatabaseVerifiedAndServes) {
  Installation live;
  ASSERT_EQ(Wagelink({"init", "--demo"}, live.Flags()).exit_code, 0);
  const std::string parent = MakeTempDir();
  auto backup = Wagelink({"backup", "--out", parent}, live.Flags());
  ASSERT_EQ(backup.exit_code, 0) << backup.output;
  const std::string folder = OnlyBackupIn(parent);
  const std::string manifest = ReadFile(folder + "/manifest.json");
  EXPECT_NE(manifest.find("\"sha256\""), std::string::npos) << manifest;
  EXPECT_NE(manifest.find("\"cases\":"), std::string::npos) << manifest;

  Installation restored;
  restored.key = live.key;  // the master key is kept apart from backups and handed to the restore
  auto restore = Wagelink({"restore", "--from", folder}, restored.Flags());
  ASSERT_EQ(restore.exit_code, 0) << restore.output;
  EXPECT_NE(restore.output.find("restored and verified"), std::string::npos) << restore.output;
  EXPECT_NE(restore.output.find("rows match the manifest"), std::string::npos) << restore.output;

  auto again = Wagelink({"restore", "--from", folder}, restored.Flags(restored.db.directory() + "/other.jsonl"));
  EXPECT_EQ(again.exit_code, 1) << again.output;
  EXPECT_NE(again.output.find("not empty"), std::string::npos) << again.output;

  ServerProcess server(restored.db.url(), {}, restored.key);
  HttpClient handler(server.port());
  ASSERT_EQ(handler.Login("handler", "WageLink#2026").status, 200);
  auto cases = handler.Get("/api/v1/cases");
  ASSERT_EQ(cases.status, 200) << cases.body;
  EXPECT_GT(cases.Json().at("total").as_int64(), 0) << "the demo cases came back";
}

TEST(Backup, ADamagedBackupIsRefusedBeforeTheTargetIsTouched) {
  Installation live;
  ASSERT_EQ(Wagelink({"init", "--demo"}, live.Flags()).exit_code, 0);
  const std::string parent = MakeTempDir();
  ASSERT_EQ(Wagelink({"backup", "--out", parent}, live.Flags()).exit_code, 0);
  const std::string folder = OnlyBackupIn(parent);
  for (const auto& entry : fs::directory_iterator(folder)) {
    if (entry.path().filename().string().starts_with("database.")) {
      // Flip every bit of the middle byte: writing a fixed byte left the file intact whenever the
      // byte there already was that one (a 'Z' of a UTC timestamp in the dump), and the restore passed.
      std::fstream file(entry.path(), std::ios::in | std::ios::out | std::ios::binary);
      const auto middle = static_cast<std::streamoff>(fs::file_size(entry.path()) / 2);
      file.seekg(middle);
      const char original = static_cast<char>(file.get());
      file.seekp(middle);
      file.put(static_cast<char>(~original));
    }
  }
  Installation target;
  target.key = live.key;
  auto restore = Wagelink({"restore", "--from", folder}, target.Flags());
  EXPECT_EQ(restore.exit_code, 1) << restore.output;
  EXPECT_NE(restore.output.find("SHA-256"), std::string::npos) << restore.output;
  EXPECT_FALSE(fs::exists(target.anchors)) << "nothing written";
}

// The scheduled job ([backup] folder, keep): each run adds a backup, only the newest `keep` stay.
TEST(Backup, TheScheduledBackupKeepsOnlyTheNewestOnes) {
  TestServer server;
  app::Config config;
  config.database_url = server.database_url();
  config.key_file = server.key_file();
  config.audit_anchor_file = server.anchor_file();
  config.data_dir = SourceDir() + "/data";
  config.backup_folder = MakeTempDir();
  config.backup_keep = 2;
  std::vector<std::string> seen;
  for (int run = 0; run < 3; ++run) {
    app::BackupAndPrune(config);
    for (const auto& entry : fs::directory_iterator(config.backup_folder)) seen.push_back(entry.path().filename());
  }
  std::vector<std::string> left;
  for (const auto& entry : fs::directory_iterator(config.backup_folder)) left.push_back(entry.path().filename());
  std::sort(left.begin(), left.end());
  ASSERT_EQ(left.size(), 2u);
  std::sort(seen.begin(), seen.end());
  seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
  ASSERT_EQ(seen.size(), 3u) << "three distinct backups were written";
  EXPECT_EQ(left, std::vector<std::string>(seen.begin() + 1, seen.end())) << "the oldest one was removed";
}

}  // namespace
}  // namespace wagelink::testing
