#include "core/install_paths.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace wagelink {
namespace {

namespace fs = std::filesystem;

class InstallPathsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() /
            ("wagelink-install-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) + "-" +
             std::to_string(::getpid()));
    fs::remove_all(root_);
    fs::create_directories(root_ / "bin");
  }
  void TearDown() override { fs::remove_all(root_); }
  void MakeData(const fs::path& dir) {
    fs::create_directories(root_ / dir);
    std::ofstream(root_ / dir / "time_limits.json") << "{}";
  }
  fs::path root_;
};

TEST_F(InstallPathsTest, AnInstalledPackageFindsItsSharedData) {
  MakeData("share/wagelink/data");
  MakeData("data");  // a stray folder beside it does not win over the package's own
  const auto paths = DefaultInstallPaths(root_ / "bin" / "wagelink");
  EXPECT_EQ(paths.data_dir, (root_ / "share/wagelink/data").string());
  EXPECT_EQ(paths.web_root, (root_ / "share/wagelink/web").string());
}

TEST_F(InstallPathsTest, ABinaryBuiltInTheSourceTreeUsesTheTreesDataAndWebBuild) {
  MakeData("data");
  const auto paths = DefaultInstallPaths(root_ / "bin" / "wagelink");
  EXPECT_EQ(paths.data_dir, (root_ / "data").string());
  EXPECT_EQ(paths.web_root, (root_ / "web/dist").string());
}

TEST_F(InstallPathsTest, WithNeitherLayoutTheSourceTreePathIsNamedSoTheErrorSaysWhereItLooked) {
  const auto paths = DefaultInstallPaths(root_ / "bin" / "wagelink");
  EXPECT_EQ(paths.data_dir, (root_ / "data").string());
}

TEST(CurrentExecutable, IsThisTestBinary) {
  EXPECT_EQ(CurrentExecutable().filename().string().rfind("unit_core_tests", 0), 0u) << CurrentExecutable();
}

}  // namespace
}  // namespace wagelink
