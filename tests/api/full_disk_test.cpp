// Full disk (issue 12, docs/operations.md "Full disk"): the database (on SQLite) and the evidence store
// live on a small tmpfs that the test fills up. Writes that need space answer a clear 503, reads go
// on (but for audited looks at evidence files), nothing is corrupted, and once space returns the server carries on by itself, with no restart.
// On PostgreSQL the database is the PostgreSQL server's and only the evidence store fills.
#include <fcntl.h>
#include <sched.h>
#include <sys/mount.h>
#include <unistd.h>
#include <gtest/gtest.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <vector>

#include "support/case_api.h"
#include "support/raw_connection.h"
#include "support/scenarios.h"
#include "support/test_server.h"

namespace wagelink::testing {
namespace {

void WriteProcFile(const std::string& path, const std::string& text) { std::ofstream(path) << text; }

// A tmpfs of `megabytes` at a new folder, mounted in a mount namespace of this test process that the
// server it starts shares: nothing outside the test sees it, and it goes away with the process. As
// root the namespace is made directly; otherwise in a new user namespace (Debian allows them).
std::string MountSmallDisk(int megabytes, std::string& why_not) {
  const std::string dir = MakeTempDir() + "/small-disk";
  std::filesystem::create_directories(dir);
  if (::unshare(CLONE_NEWNS) != 0) {
    const uid_t uid = ::getuid();
    const gid_t gid = ::getgid();
    if (::unshare(CLONE_NEWUSER | CLONE_NEWNS) != 0) {
      why_not = std::string("unshare: ") + std::strerror(errno);
      return "";
    }
    WriteProcFile("/proc/self/setgroups", "deny");
    WriteProcFile("/proc/self/uid_map", "0 " + std::to_string(uid) + " 1");
    WriteProcFile("/proc/self/gid_map", "0 " + std::to_string(gid) + " 1");
  }
  const std::string options = "size=" + std::to_string(megabytes) + "m";
  if (::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0 ||
      ::mount("tmpfs", dir.c_str(), "tmpfs", 0, options.c_str()) != 0) {
    why_not = std::string("mount: ") + std::strerror(errno);
    return "";
  }
  return dir;
}

// Writes one file until the file system refuses another byte; deleting it gives the space back.
std::string FillUp(const std::string& dir) {
  const std::string path = dir + "/filler";
  const int fd = ::open(path.c_str(), O_CREAT | O_WRONLY | O_CLOEXEC, 0600);
  EXPECT_GE(fd, 0) << std::strerror(errno);
  const std::string block(64 * 1024, 'x');
  for (std::size_t size = block.size(); size > 0; size /= 2) {
    while (::write(fd, block.data(), size) == static_cast<ssize_t>(size)) {
    }
  }
  EXPECT_EQ(errno, ENOSPC);
  ::close(fd);
  return path;
}

void ExpectStorageFull(const HttpResponse& response, const std::string& what) {
  EXPECT_EQ(response.status, 503) << what << ": " << response.body;
  if (response.status != 503) return;
  EXPECT_EQ(response.Json().at("code"), "service_unavailable") << what;
  EXPECT_NE(response.body.find("存储空间已满"), std::string::npos) << what << ": " << response.body;
  EXPECT_EQ(response.Header("retry-after"), "60") << what;
}

bool OnSqlite() {
  const char* backend = std::getenv("WAGELINK_TEST_BACKEND");
  return !backend || std::string(backend) != "postgresql";
}

// The demo district in `url`, and a configuration that keeps evidence files in `evidence_dir` and
// spools uploads in `spool_dir`; the server's arguments are returned.
std::vector<std::string> DemoDistrict(const ScratchDatabase& scratch, const std::string& url, const std::string& evidence_dir,
                                      const std::string& spool_dir) {
  auto init = RunWagelink({"init", "--demo", "--db", url, "--data-dir", SourceDir() + "/data", "--key-file",
                           scratch.directory() + "/master.key", "--anchor-file", scratch.directory() + "/anchors.jsonl"});
  EXPECT_EQ(init.exit_code, 0) << init.output;
  const std::string config = scratch.directory() + "/wagelink.toml";
  std::ofstream(config) << "[evidence]\ndir = \"" << evidence_dir << "\"\nspool_dir = \"" << spool_dir << "\"\n";
  return {"--config", config};
}

TEST(FullDisk, WritesAnswer503ReadsGoOnAndTheServerRecoversByItselfWhenSpaceReturns) {
  std::string why_not;
  const std::string disk = MountSmallDisk(64, why_not);
  ASSERT_FALSE(disk.empty()) << "this test mounts a tmpfs: it needs root or unprivileged user namespaces (" << why_not << ")";
  const bool on_sqlite = OnSqlite();
  ScratchDatabase scratch;
  const std::string url = on_sqlite ? "sqlite:" + disk + "/wagelink.db" : scratch.url();
  const std::string key = scratch.directory() + "/master.key";
  const std::string anchors = scratch.directory() + "/anchors.jsonl";
  auto arguments = DemoDistrict(scratch, url, disk + "/evidence", scratch.directory() + "/spool");
  ASSERT_FALSE(HasFailure());

  ServerProcess server(url, arguments, key, anchors);
  HttpClient handler(server.port());
  ASSERT_EQ(handler.Login("handler", kDemoPassword).status, 200);
  const std::int64_t before = CreateScenarioOneCase(handler);
  ASSERT_NE(before, 0) << "scenario one's complaint was not registered";
  auto stored = AttachEvidence(handler, before, "payroll", "", "工资表.pdf", SamplePdf("before the disk filled"));
  ASSERT_EQ(stored.status, 201) << stored.body;
  const std::string stored_content = CasePath(before, "/evidence/" + std::to_string(stored.Json().at("id").as_int64()) + "/content");

  const std::string filler = FillUp(disk);
  // Evidence needs new space every time: refused, and nothing half-stored is listed.
  ExpectStorageFull(AttachEvidence(handler, before, "payroll", "", "考勤表.pdf", SamplePdf(std::string(256 * 1024, 'k'))),
                    "evidence upload");
  if (on_sqlite) {
    // A small write may still fit in the write-ahead log's reused pages; new complaints soon need
    // the database to grow, and are refused whole (no case without its workers).
    int refused_after = 0;
    for (int i = 1; i <= 400 && refused_after == 0; ++i) {
      auto write = handler.PostJson("/api/v1/cases", ScenarioOneComplaint());
      if (write.status == 201) continue;
      ExpectStorageFull(write, "complaint " + std::to_string(i));
      refused_after = i;
    }
    EXPECT_GT(refused_after, 0) << "no complaint was refused on a full disk";
  }

  // Reads go on: the case and the case list. A look at an evidence file is audited before it is
  // served (need-to-know), and an unrecorded look is worse than a late one: those wait for space.
  EXPECT_EQ(handler.Get(CasePath(before)).status, 200);
  EXPECT_EQ(handler.Get("/api/v1/cases?page_size=5").status, 200);
  if (on_sqlite) {
    ExpectStorageFull(handler.Get(stored_content), "an audited download");
  } else {
    EXPECT_EQ(handler.Get(stored_content).status, 200) << "the audit entry goes to the PostgreSQL server, which has room";
  }
  EXPECT_NE(server.Log().find("storage_full"), std::string::npos) << "the operator is told";

  // Space returns: the same writes succeed, with no restart.
  std::filesystem::remove(filler);
  auto content = handler.Get(stored_content);
  EXPECT_EQ(content.status, 200);
  EXPECT_EQ(content.body, SamplePdf("before the disk filled"));
  auto files = handler.Get(CasePath(before, "/evidence"));
  ASSERT_EQ(files.status, 200) << files.body;
  EXPECT_EQ(files.body.find("考勤表"), std::string::npos) << "the refused upload left no record: " << files.body;
  EXPECT_EQ(AttachEvidence(handler, before, "payroll", "", "考勤表.pdf", SamplePdf(std::string(256 * 1024, 'k'))).status, 201);
  auto after = handler.PostJson("/api/v1/cases", ScenarioOneComplaint());
  EXPECT_EQ(after.status, 201) << after.body;
  EXPECT_EQ(Step(handler, before, "accept_complaint", "2025-12-01T03:00:00Z").status, 200);

  server.Signal(SIGTERM);
  EXPECT_EQ(server.WaitExit(), 0);
  auto verified = RunWagelink({"audit", "verify", "--db", url, "--key-file", key, "--data-dir", SourceDir() + "/data",
                               "--anchor-file", anchors});
  EXPECT_EQ(verified.exit_code, 0) << "nothing corrupted, the audit chain whole: " << verified.output;
}

// An upload is kept (sealed) in the spool while it arrives. When that disk is full the client is
// told so with the same 503 as any full disk, not cut off: the server reads and discards the rest
// of the body before closing, so the answer is not lost to a connection reset.
TEST(FullDisk, AnUploadThatCannotBeSpooledIsAnswered503AndNotCutOff) {
  std::string why_not;
  const std::string disk = MountSmallDisk(16, why_not);
  ASSERT_FALSE(disk.empty()) << "this test mounts a tmpfs: it needs root or unprivileged user namespaces (" << why_not << ")";
  ScratchDatabase scratch;
  auto arguments = DemoDistrict(scratch, scratch.url(), scratch.directory() + "/evidence", disk + "/spool");
  ASSERT_FALSE(HasFailure());
  ServerProcess server(scratch.url(), arguments, scratch.directory() + "/master.key", scratch.directory() + "/anchors.jsonl");
  HttpClient handler(server.port());
  ASSERT_EQ(handler.Login("handler", kDemoPassword).status, 200);
  const std::int64_t id = CreateScenarioOneCase(handler);
  ASSERT_NE(id, 0) << "scenario one's complaint was not registered";
  const std::string large = SamplePdf(std::string(4 << 20, 'v'));

  const std::string filler = FillUp(disk);
  ExpectStorageFull(AttachEvidence(handler, id, "payroll", "", "十一月工资明细.pdf", large), "a spooled upload");
  EXPECT_NE(server.Log().find("upload_spool"), std::string::npos) << "the operator is told where: " << server.Log();
  EXPECT_EQ(handler.Get(CasePath(id, "/evidence")).body.find("十一月工资明细"), std::string::npos) << "nothing was stored";

  // The lingering close itself: a client that goes on sending the body it announced after the 503
  // has arrived (as a browser's upload does) is read to the end, not reset. A server that closed at
  // once would reset the connection under the client's remaining writes, and most clients then
  // report a network error instead of the answer they were sent.
  const std::string boundary = "wagelinkTestBoundary7MA4YWxk";
  const std::string body = MultipartBody(boundary, {{"kind", "payroll"}}, "十一月工资明细.pdf", large);
  RawConnection upload(server.port());
  upload.Send("POST " + CasePath(id, "/evidence") + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data; boundary=" +
              boundary + "\r\nContent-Length: " + std::to_string(body.size()) + "\r\nX-CSRF-Token: " + handler.csrf_token +
              "\r\n" + CookieHeader(handler) + "\r\n" + body.substr(0, 256 << 10));
  ASSERT_TRUE(upload.ReadUntil("\r\n\r\n")) << "answered before the body is complete: " << upload.received();
  EXPECT_TRUE(upload.received().starts_with("HTTP/1.1 503")) << upload.received();
  std::size_t sent = 256 << 10;
  for (; sent < body.size(); sent += 64 << 10) {
    if (!upload.SendAccepted(body.substr(sent, 64 << 10))) break;
  }
  EXPECT_GE(sent, body.size()) << "the server stopped reading after " << sent << " of " << body.size() << " bytes";
  EXPECT_TRUE(upload.ReadUntil("存储空间已满")) << "the whole answer arrived: " << upload.received();
  EXPECT_TRUE(upload.ClosedWithin(std::chrono::seconds(10))) << "and the connection ends once the body is read";

  std::filesystem::remove(filler);
  EXPECT_EQ(AttachEvidence(handler, id, "payroll", "", "十一月工资明细.pdf", large).status, 201);
}

}  // namespace
}  // namespace wagelink::testing
