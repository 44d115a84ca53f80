// Evidence files (issue 15, docs/evidence.md): upload, type and size refusals, truncated uploads,
// withdrawal, need-to-know, encryption at rest, and the transfer package as files.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "security/digest.h"
#include "support/case_api.h"
#include "support/scenarios.h"
#include "support/test_server.h"

namespace wagelink::testing {
namespace {

constexpr const char* kAfterScenarioOne = "2025-12-22T02:00:00Z";

TestServer EvidenceServer(std::function<void(app::Config&)> tweak = {}) {
  return TestServer({.tweak = std::move(tweak), .start_time = *ParseUtc(kAfterScenarioOne)});
}

std::int64_t CreateCase(HttpClient& handler) {
  auto created = handler.PostJson("/api/v1/cases", ScenarioOneComplaint());
  EXPECT_EQ(created.status, 201) << created.body;
  return created.Json().at("id").as_int64();
}

// Every regular file under `root` (the evidence store), with its bytes.
std::map<std::string, std::string> FilesUnder(const std::string& root) {
  std::map<std::string, std::string> files;
  if (!std::filesystem::exists(root)) return files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (entry.is_regular_file()) files[entry.path().string()] = ReadFile(entry.path().string());
  }
  return files;
}

std::string EvidenceDir(TestServer& server) { return server.app().config().evidence_dir; }

std::size_t FileCount(HttpClient& client, std::int64_t id) {
  auto listing = client.Get(CasePath(id, "/evidence"));
  EXPECT_EQ(listing.status, 200) << listing.body;
  return listing.Json().at("files").as_array().size();
}

std::string Code(const HttpResponse& r) { return std::string(r.Json().at("code").as_string()); }

// The entries of a stored (uncompressed) ZIP, by name.
std::map<std::string, std::string> UnzipStored(const std::string& zip) {
  auto u16 = [&](std::size_t at) { return static_cast<std::uint32_t>(static_cast<unsigned char>(zip[at])) |
                                           static_cast<std::uint32_t>(static_cast<unsigned char>(zip[at + 1])) << 8; };
  auto u32 = [&](std::size_t at) { return u16(at) | u16(at + 2) << 16; };
  std::map<std::string, std::string> entries;
  std::size_t at = 0;
  while (at + 30 <= zip.size() && u32(at) == 0x04034b50) {
    EXPECT_EQ(u16(at + 8), 0u) << "stored, not compressed";
    std::uint32_t size = u32(at + 18);
    std::uint32_t name_length = u16(at + 26), extra_length = u16(at + 28);
    std::string name = zip.substr(at + 30, name_length);
    entries[name] = zip.substr(at + 30 + name_length + extra_length, size);
    at += 30 + name_length + extra_length + size;
  }
  EXPECT_EQ(u32(at), 0x02014b50u) << "the central directory follows the entries";
  return entries;
}

TEST(Evidence, UploadedFileIsListedAndDownloadedAsAnAttachmentWithItsHash) {
  TestServer server = EvidenceServer();
  HttpClient handler = server.LoginAs("handler");
  std::int64_t id = CreateCase(handler);
  const std::string pdf = SamplePdf("interview of worker one");
  auto r = AttachEvidence(handler, id, "interview_record", "", "询问笔录-张三.pdf", pdf);
  ASSERT_EQ(r.status, 201) << r.body;
  auto file = r.Json();
  EXPECT_EQ(file.at("kind_zh").as_string(), "询问笔录");
  EXPECT_EQ(file.at("content_type").as_string(), "application/pdf");
  EXPECT_EQ(file.at("sha256").as_string(), security::Sha256Hex(pdf));
  EXPECT_EQ(file.at("byte_size").as_int64(), static_cast<std::int64_t>(pdf.size()));
  EXPECT_FALSE(file.at("added_by_name").as_string().empty());

  auto listing = handler.Get(CasePath(id, "/evidence"));
  ASSERT_EQ(listing.status, 200) << listing.body;
  ASSERT_EQ(listing.Json().at("files").as_array().size(), 1u);

  auto download = handler.Get(std::string(file.at("download_url").as_string()));
  ASSERT_EQ(download.status, 200) << download.body;
  EXPECT_EQ(download.body, pdf);
  EXPECT_EQ(download.Header("content-type"), "application/pdf");
  EXPECT_TRUE(download.Header("content-disposition").starts_with("attachment;")) << download.Header("content-disposition");
  EXPECT_EQ(download.Header("x-content-type-options"), "nosniff");
  EXPECT_EQ(download.Header("x-content-sha256"), security::Sha256Hex(pdf));
  EXPECT_NE(download.Header("content-security-policy").find("sandbox"), std::string::npos);

  auto timeline = handler.Get(CasePath(id)).Json().at("timeline").as_array();
  EXPECT_EQ(timeline.back().at("event").as_string(), "evidence_added");
}

TEST(Evidence, FilesAreRefusedByTheirContentNotTheirName) {
  TestServer server = EvidenceServer();
  HttpClient handler = server.LoginAs("handler");
  std::int64_t id = CreateCase(handler);
  const std::vector<std::pair<std::string, std::string>> disguised{
      {"照片.jpg", "<!DOCTYPE html><html><script>alert(document.cookie)</script></html>"},
      {"张贴照片.jpg", "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"},
      {"笔录.pdf", std::string("\x7F" "ELF\x02\x01\x01\x00", 8) + std::string(200, '\0')},
      {"工资表.xlsx", "PK\x03\x04" + std::string("payload.exe")},
      {"录音.mp3", "#!/bin/sh\nrm -rf /\n"},
  };
  for (const auto& [name, bytes] : disguised) {
    auto r = AttachEvidence(handler, id, "other", "", name, bytes);
    EXPECT_EQ(r.status, 415) << name << ": " << r.body;
    EXPECT_EQ(Code(r), "unsupported_media_type") << name;
    EXPECT_NE(std::string(r.Json().at("detail").as_string()).find("按文件内容判断"), std::string::npos) << r.body;
  }
  EXPECT_EQ(FileCount(handler, id), 0u);
  for (const auto& [path, bytes] : FilesUnder(EvidenceDir(server))) ADD_FAILURE() << "left behind: " << path;
}

TEST(Evidence, AnOversizedFileIsRefusedAndLeavesNothing) {
  TestServer server = EvidenceServer([](app::Config& c) { c.evidence_max_image_mb = 1; });
  HttpClient handler = server.LoginAs("handler");
  std::int64_t id = CreateCase(handler);
  auto r = AttachEvidence(handler, id, "posting_media", "", "大照片.jpg", SampleJpeg(std::string(3 << 19, 'x')));
  EXPECT_EQ(r.status, 413) << r.body;
  EXPECT_EQ(Code(r), "payload_too_large");
  EXPECT_EQ(FileCount(handler, id), 0u);
  for (const auto& [path, bytes] : FilesUnder(EvidenceDir(server))) ADD_FAILURE() << "left behind: " << path;
  // A PDF of the same size is within the document limit.
  EXPECT_EQ(AttachEvidence(handler, id, "other", "", "大文件.pdf", SamplePdf(std::string(3 << 19, 'x'))).status, 201);
}

TEST(Evidence, ATruncatedUploadLeavesNoRecordAndNoFile) {
  TestServer server = EvidenceServer();
  HttpClient handler = server.LoginAs("handler");
  std::int64_t id = CreateCase(handler);
  const std::string boundary = "truncatedBoundary";
  std::string body = MultipartBody(boundary, {{"kind", "payroll"}}, "工资表.pdf", SamplePdf(std::string(200'000, 'p')));
  body.resize(body.size() - 5000);  // the upload stops inside the file: no closing delimiter
  auto r = handler.Send("POST", CasePath(id, "/evidence"), body, {{"Content-Type", "multipart/form-data; boundary=" + boundary}});
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(FileCount(handler, id), 0u);
  for (const auto& [path, bytes] : FilesUnder(EvidenceDir(server))) ADD_FAILURE() << "left behind: " << path;
}

// An upload sent again with its Idempotency-Key is stored once; the same key with another file of
// the same length is another request. The spooled body is known by its bytes, not its length.
TEST(Evidence, AKeyedUploadIsKnownByItsBytes) {
  TestServer server = EvidenceServer();
  HttpClient handler = server.LoginAs("handler");
  std::int64_t id = CreateCase(handler);
  const std::string boundary = "keyedBoundary";
  auto upload = [&](char fill, std::string key = "upload-0001") {
    const std::string body = MultipartBody(boundary, {{"kind", "payroll"}}, "工资表.pdf", SamplePdf(std::string(20'000, fill)));
    return handler.Send("POST", CasePath(id, "/evidence"), body,
                        {{"Content-Type", "multipart/form-data; boundary=" + boundary}, {"Idempotency-Key", std::move(key)}});
  };
  auto malformed = upload('a', "key with spaces");
  EXPECT_EQ(malformed.status, 400) << malformed.body;
  EXPECT_NE(malformed.body.find("Idempotency-Key"), std::string::npos) << malformed.body;
  EXPECT_EQ(FileCount(handler, id), 0u) << "an upload with a malformed key is refused, not stored";
  ASSERT_EQ(upload('a').status, 201);
  auto repeated = upload('a');
  EXPECT_EQ(repeated.status, 409) << repeated.body;
  EXPECT_TRUE(repeated.Json().as_object().contains("already_applied")) << repeated.body;
  auto other = upload('b');
  EXPECT_EQ(other.status, 409) << other.body;
  EXPECT_FALSE(other.Json().as_object().contains("already_applied")) << "another file is not a repeat: " << other.body;
  EXPECT_NE(other.body.find("另一个请求"), std::string::npos) << other.body;
  EXPECT_EQ(FileCount(handler, id), 1u);
}

TEST(Evidence, AWrongFileIsWithdrawnWithAReasonAndStaysInTheRecord) {
  TestServer server = EvidenceServer();
  HttpClient handler = server.LoginAs("handler");
  std::int64_t id = CreateCase(handler);
  auto file = AttachEvidence(handler, id, "payroll", "", "工资表.pdf", SamplePdf("wrong month"));
  ASSERT_EQ(file.status, 201) << file.body;
  const std::string path = CasePath(id, "/evidence/" + std::to_string(file.Json().at("id").as_int64()) + "/withdraw");
  auto short_reason = handler.PostJson(path, {{"reason", "错"}});
  EXPECT_EQ(short_reason.status, 400) << short_reason.body;
  EXPECT_EQ(Code(short_reason), "validation_failed");
  EXPECT_EQ(handler.PostJson(path, {{"reason", "上传错了月份的工资表"}, {"extra", 1}}).status, 400) << "unknown fields are refused";
  auto withdrawn = handler.PostJson(path, {{"reason", "上传错了月份的工资表"}});
  ASSERT_EQ(withdrawn.status, 200) << withdrawn.body;
  EXPECT_TRUE(withdrawn.Json().at("withdrawn").as_bool());
  EXPECT_EQ(withdrawn.Json().at("withdrawn_reason").as_string(), "上传错了月份的工资表");
  EXPECT_EQ(handler.PostJson(path, {{"reason", "再撤回一次试试"}}).status, 409);
  auto listing = handler.Get(CasePath(id, "/evidence")).Json();
  ASSERT_EQ(listing.at("files").as_array().size(), 1u) << "a withdrawn file stays in the record";
  for (const auto& item : listing.at("package").as_array()) {
    if (item.at("id").as_string() == "employment_evidence") {
      EXPECT_FALSE(item.at("present").as_bool()) << "withdrawn files count for nothing";
    }
  }
}

TEST(Evidence, AnotherBodyCannotReadOrAddTheFiles) {
  TestServer server = EvidenceServer();
  HttpClient handler = server.LoginAs("handler"), police = server.LoginAs("police"), judge = server.LoginAs("judge");
  std::int64_t id = CreateCase(handler);
  auto file = AttachEvidence(handler, id, "interview_record", "", "询问笔录.pdf", SamplePdf("confidential"));
  ASSERT_EQ(file.status, 201) << file.body;
  const std::string content = std::string(file.Json().at("download_url").as_string());
  for (HttpClient* outsider : {&police, &judge}) {
    EXPECT_EQ(outsider->Get(CasePath(id, "/evidence")).status, 404);
    EXPECT_EQ(outsider->Get(content).status, 404);
    EXPECT_EQ(outsider->Get(CasePath(id, "/evidence-package")).status, 404);
  }
  auto police_upload = AttachEvidence(police, id, "other", "", "x.pdf", SamplePdf("x"));
  EXPECT_TRUE(police_upload.status == 403 || police_upload.status == 404) << police_upload.body;
  HttpClient anonymous = server.Client();
  EXPECT_EQ(anonymous.Get(content).status, 401);
}

TEST(Evidence, StoredBytesAreEncrypted) {
  TestServer server = EvidenceServer();
  HttpClient handler = server.LoginAs("handler");
  std::int64_t id = CreateCase(handler);
  const std::string marker = "PLAINTEXT-MARKER-" + std::string(100'000, 'm');
  ASSERT_EQ(AttachEvidence(handler, id, "other", "", "报告.pdf", SamplePdf(marker)).status, 201);
  auto files = FilesUnder(EvidenceDir(server));
  ASSERT_EQ(files.size(), 1u);
  for (const auto& [path, bytes] : files) {
    EXPECT_EQ(bytes.find("PLAINTEXT-MARKER"), std::string::npos) << path;
    EXPECT_EQ(bytes.find("%PDF"), std::string::npos) << path;
    EXPECT_GT(bytes.size(), marker.size());
    EXPECT_EQ(std::filesystem::path(path).filename().string(), security::Sha256Hex(SamplePdf(marker))) << "content-addressed";
  }
}

TEST(Evidence, TheDatabaseStoreKeepsFilesInTheDatabase) {
  TestServer server = EvidenceServer([](app::Config& c) { c.evidence_store = "database"; });
  HttpClient handler = server.LoginAs("handler");
  std::int64_t id = CreateCase(handler);
  std::string video = std::string("\x00\x00\x00\x18" "ftypmp42", 12) + std::string(3'000'000, 'v');
  auto r = AttachEvidence(handler, id, "posting_media", "", "张贴录像.mp4", video);
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.Json().at("content_type").as_string(), "video/mp4");
  auto download = handler.Get(std::string(r.Json().at("download_url").as_string()));
  ASSERT_EQ(download.status, 200);
  EXPECT_TRUE(download.body == video) << "the same bytes back";
  EXPECT_TRUE(FilesUnder(EvidenceDir(server)).empty()) << "nothing on disk";
}

TEST(Evidence, TheTransferIsSentOnlyWithEveryRequiredFileAndThePoliceReceiveTheWholePackage) {
  TestServer server = EvidenceServer();
  HttpClient handler = server.LoginAs("handler"), head = server.LoginAs("head"), police = server.LoginAs("police");
  std::int64_t id = CreateCase(handler);
  auto ok = [](const HttpResponse& r) { ASSERT_EQ(r.status, 200) << r.body; };
  ok(Step(handler, id, "accept_complaint", "2025-12-01T03:00:00Z"));
  ok(Step(handler, id, "issue_order", "2025-12-05T08:00:00Z",
          {{"document", "rectification_order"}, {"deadline", "2025-12-10"}, {"service", "posted_at_premises"},
           {"served_at", "2025-12-05T08:00:00Z"}, {"service_evidence_recorded", true}}));
  ok(Step(handler, id, "record_order_outcome", "2025-12-11T01:00:00Z", {{"outcome", "unpaid_after_deadline"}}));
  ok(Step(handler, id, "complete_screening", "2025-12-11T02:00:00Z", {{"recommendation", "transfer"}}));
  ok(Step(handler, id, "form_case_group", "2025-12-11T02:30:00Z", {{"officers", {"handler", "handler2"}}}));
  ok(Step(handler, id, "submit_transfer_report", "2025-12-11T06:00:00Z"));
  ok(Step(head, id, "approve_transfer", "2025-12-12T02:00:00Z"));

  // Only the posting photo and an interview record so far.
  ASSERT_EQ(AttachEvidence(handler, id, "posting_media", "", "张贴照片.jpg", SampleJpeg("posted order")).status, 201);
  ASSERT_EQ(AttachEvidence(handler, id, "interview_record", "", "询问笔录.pdf", SamplePdf("interview")).status, 201);
  auto blocked = Step(handler, id, "send_transfer", "2025-12-12T07:00:00Z", {{"copy_to_procuratorate", true}});
  ASSERT_EQ(blocked.status, 409) << blocked.body;
  const std::string detail(blocked.Json().at("detail").as_string());
  for (const char* missing : {"涉案物品清单", "劳动关系及欠薪数额证据"}) {
    EXPECT_NE(detail.find(missing), std::string::npos) << missing << " in " << detail;
  }
  EXPECT_EQ(detail.find("劳动者询问笔录"), std::string::npos) << "a present item is not named: " << detail;
  EXPECT_EQ(detail.find("调查报告"), std::string::npos) << "the sending step issues the report itself: " << detail;
  auto listing = handler.Get(CasePath(id, "/evidence")).Json();
  EXPECT_EQ(listing.at("missing").as_array().size(), 2u);

  ASSERT_EQ(AttachEvidence(handler, id, "other", "investigation_report", "调查报告.pdf", SamplePdf("report")).status, 201);
  ASSERT_EQ(AttachEvidence(handler, id, "other", "items_list", "物品清单.pdf", SamplePdf("items")).status, 201);
  ASSERT_EQ(AttachEvidence(handler, id, "bank_statement", "", "银行流水.pdf", SamplePdf("bank")).status, 201);
  ok(Step(handler, id, "send_transfer", "2025-12-12T07:00:00Z", {{"copy_to_procuratorate", true}}));

  auto package = police.Get(CasePath(id, "/evidence-package"));
  ASSERT_EQ(package.status, 200) << package.body;
  EXPECT_EQ(package.Header("content-type"), "application/zip");
  EXPECT_TRUE(package.Header("content-disposition").starts_with("attachment;"));
  auto entries = UnzipStored(package.body);
  ASSERT_TRUE(entries.contains("SHA256SUMS"));
  ASSERT_TRUE(entries.contains("移送材料清单.csv"));
  std::size_t checked = 0;
  std::istringstream sums(entries.at("SHA256SUMS"));
  for (std::string line; std::getline(sums, line);) {
    const std::string hash = line.substr(0, 64), name = line.substr(66);
    ASSERT_TRUE(entries.contains(name)) << name;
    EXPECT_EQ(security::Sha256Hex(entries.at(name)), hash) << name;
    EXPECT_NE(entries.at("移送材料清单.csv").find(hash), std::string::npos) << "the manifest lists " << name;
    ++checked;
  }
  // The two documents the sending step issued (移送书, 调查报告), the supporting report file and the four files.
  EXPECT_EQ(checked, 7u) << entries.at("SHA256SUMS");
  const std::string& sums_text = entries.at("SHA256SUMS");
  EXPECT_NE(sums_text.find("涉嫌犯罪案件移送书（"), std::string::npos) << "the issued transfer letter goes with the package";
  EXPECT_NE(sums_text.find("涉嫌犯罪案件情况的调查报告（"), std::string::npos) << "so does the issued report";
  EXPECT_NE(entries.at("移送材料清单.csv").find("张贴照片/录像"), std::string::npos) << "kinds in Chinese";

  auto timeline = police.Get(CasePath(id)).Json().at("timeline").as_array();
  EXPECT_EQ(timeline.back().at("event").as_string(), "evidence_package_received") << "the police's receipt is recorded";
}

}  // namespace
}  // namespace wagelink::testing
