// Evidence files on a risk item (风险台账) and a joint meeting (联席会议), the same model as a case's
// (docs/evidence.md): upload, type refusal by content, withdrawal with a reason, reads controlled
// exactly like the risk item or meeting itself with an access receipt each; and the migration that
// gave every file an owner, run over a database holding case files.
#include <gtest/gtest.h>

#include <filesystem>
#include <tuple>

#include "domain/validators.h"
#include "security/digest.h"
#include "store/database.h"
#include "store/migrations.h"
#include "support/case_api.h"
#include "support/test_server.h"

namespace wagelink::testing {
namespace {

std::string CreditCode(const std::string& first17) { return first17 + *domain::CreditCodeCheckCharacter(first17); }

// A risk owned by the labour inspection (区人社局): the handler's body manages it.
std::int64_t CreateRisk(HttpClient& handler) {
  auto created = handler.PostJson("/api/v1/risks", {{"employer_name", "某市政路桥工程有限公司"},
                                                    {"employer_credit_code", CreditCode("91330100MA2B3C4D5")},
                                                    {"project_name", "滨江大道市政道路改造工程"},
                                                    {"workers_affected", 12},
                                                    {"amount_yuan", "180000"},
                                                    {"source", "inspection"},
                                                    {"description", "检查发现工地两个月未发工资。"},
                                                    {"owner_body", "hrss"}});
  EXPECT_EQ(created.status, 201) << created.body;
  return created.Json().at("id").as_int64();
}

std::int64_t CreateMeeting(HttpClient& coordinator) {
  auto created = coordinator.PostJson("/api/v1/meetings", {{"kind", "ad_hoc"},
                                                           {"title", "春节前欠薪风险专题联席会议"},
                                                           {"scheduled_at", "2026-01-22T01:30:00Z"},
                                                           {"location", "区政府第三会议室"}});
  EXPECT_EQ(created.status, 201) << created.body;
  return created.Json().at("id").as_int64();
}

std::string RiskEvidence(std::int64_t id, const std::string& tail = "") {
  return "/api/v1/risks/" + std::to_string(id) + "/evidence" + tail;
}
std::string MeetingEvidence(std::int64_t id, const std::string& tail = "") {
  return "/api/v1/meetings/" + std::to_string(id) + "/evidence" + tail;
}

std::string Code(const HttpResponse& r) { return std::string(r.Json().at("code").as_string()); }

std::size_t FileCount(HttpClient& client, const std::string& evidence_path) {
  auto listing = client.Get(evidence_path);
  EXPECT_EQ(listing.status, 200) << listing.body;
  return listing.Json().at("files").as_array().size();
}

std::size_t StoredFiles(TestServer& server) {
  const std::string root = server.app().config().evidence_dir;
  std::size_t n = 0;
  if (!std::filesystem::exists(root)) return 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) n += entry.is_regular_file();
  return n;
}

// The access receipts (audit entries) of `action` left by `username` on `target_type` `target_id`.
std::size_t Receipts(TestServer& server, const std::string& action, const std::string& username, const std::string& target_type,
                     const std::string& target_id) {
  auto page = server.LoginAs("auditor").Get("/api/v1/audit?page_size=200&q=" + action);
  EXPECT_EQ(page.status, 200) << page.body;
  std::size_t n = 0;
  const auto entries = page.Json();  // must outlive the loop
  for (const auto& entry : entries.at("items").as_array()) {
    n += entry.at("actor_username").as_string() == username && entry.at("target_type").as_string() == target_type &&
         entry.at("target_id").as_string() == target_id;
  }
  return n;
}

void ExpectServedAsAnAttachment(const HttpResponse& download, const std::string& bytes, const std::string& type) {
  ASSERT_EQ(download.status, 200) << download.body;
  EXPECT_TRUE(download.body == bytes) << "the same bytes back";
  EXPECT_EQ(download.Header("content-type"), type);
  EXPECT_TRUE(download.Header("content-disposition").starts_with("attachment;")) << download.Header("content-disposition");
  EXPECT_EQ(download.Header("x-content-type-options"), "nosniff");
  EXPECT_NE(download.Header("content-security-policy").find("sandbox"), std::string::npos);
  EXPECT_EQ(download.Header("x-content-sha256"), security::Sha256Hex(bytes));
}

const std::string kHtmlAsPhoto = "<!DOCTYPE html><html><script>alert(document.cookie)</script></html>";

TEST(EvidenceOnRisks, ASitePhotoIsAttachedListedAndReadByEveryBodyWithAReceiptAndTheHistoryRecordsIt) {
  TestServer server;
  HttpClient handler = server.LoginAs("handler"), police = server.LoginAs("police");
  const std::int64_t risk = CreateRisk(handler);
  const std::string photo = SampleJpeg("site gate, 2026-01-20");
  auto r = AttachEvidenceAt(handler, RiskEvidence(risk), "site_media", "report", "工地现场.jpg", photo);
  ASSERT_EQ(r.status, 201) << r.body;
  auto file = r.Json();
  EXPECT_EQ(file.at("owner_kind"), "risk");
  EXPECT_EQ(file.at("owner_id").as_int64(), risk);
  EXPECT_EQ(file.at("kind_zh"), "现场照片/录像");
  EXPECT_EQ(file.at("supports_zh"), "风险报送");
  EXPECT_EQ(file.at("content_type"), "image/jpeg");
  EXPECT_EQ(file.at("sha256").as_string(), security::Sha256Hex(photo));
  const std::string content(file.at("download_url").as_string());
  const std::string file_id = std::to_string(file.at("id").as_int64());
  EXPECT_EQ(content, RiskEvidence(risk, "/" + file_id + "/content"));

  // Every member body reads the risk ledger, so the police read its files too.
  auto listing = police.Get(RiskEvidence(risk));
  ASSERT_EQ(listing.status, 200) << listing.body;
  EXPECT_EQ(listing.Json().at("files").as_array().size(), 1u);
  EXPECT_TRUE(listing.Json().at("package").as_array().empty()) << "only a case has a transfer package";
  bool offers_report = false;
  const auto listed = listing.Json();  // must outlive the loop
  for (const auto& kind : listed.at("kinds").as_array()) offers_report |= kind.at("code") == "report_material";
  EXPECT_TRUE(offers_report) << "a risk's own kinds: " << listing.body;
  ExpectServedAsAnAttachment(police.Get(content), photo, "image/jpeg");
  EXPECT_EQ(Receipts(server, "evidence.list", "police", "risk", std::to_string(risk)), 1u);
  EXPECT_EQ(Receipts(server, "evidence.download", "police", "evidence_file", file_id), 1u);

  auto history = handler.Get("/api/v1/risks/" + std::to_string(risk)).Json().at("history").as_array();
  EXPECT_EQ(history.back().at("action"), "evidence_added");
  EXPECT_EQ(history.back().at("detail"), "现场照片/录像");
  // A case's kinds are not a risk's.
  auto case_kind = AttachEvidenceAt(handler, RiskEvidence(risk), "posting_media", "", "张贴.jpg", photo);
  EXPECT_EQ(case_kind.status, 400) << case_kind.body;
  EXPECT_EQ(case_kind.Json().at("field"), "kind");
}

TEST(EvidenceOnRisks, AnHtmlPageRenamedJpgIsRefusedByItsContentAndLeavesNothing) {
  TestServer server;
  HttpClient handler = server.LoginAs("handler");
  const std::int64_t risk = CreateRisk(handler);
  auto r = AttachEvidenceAt(handler, RiskEvidence(risk), "site_media", "", "现场照片.jpg", kHtmlAsPhoto);
  EXPECT_EQ(r.status, 415) << r.body;
  EXPECT_EQ(Code(r), "unsupported_media_type");
  EXPECT_NE(std::string(r.Json().at("detail").as_string()).find("按文件内容判断"), std::string::npos) << r.body;
  EXPECT_FALSE(std::string(r.Json().at("detail_en").as_string()).empty());
  EXPECT_EQ(FileCount(handler, RiskEvidence(risk)), 0u);
  EXPECT_EQ(StoredFiles(server), 0u);
}

TEST(EvidenceOnRisks, AWrongFileIsWithdrawnWithAReasonByItsBodyOnlyAndStaysInTheRecord) {
  TestServer server;
  HttpClient handler = server.LoginAs("handler"), coordinator = server.LoginAs("coordinator");
  const std::int64_t risk = CreateRisk(handler);
  auto file = AttachEvidenceAt(handler, RiskEvidence(risk), "payroll", "", "工资表.pdf", SamplePdf("wrong project"));
  ASSERT_EQ(file.status, 201) << file.body;
  const std::string path = RiskEvidence(risk, "/" + std::to_string(file.Json().at("id").as_int64()) + "/withdraw");
  EXPECT_EQ(handler.PostJson(path, {{"reason", "错"}}).status, 400);
  auto unknown = handler.PostJson(path, {{"reason", "上传了别的项目的工资表"}, {"extra", 1}});
  EXPECT_EQ(unknown.status, 400) << "unknown fields are refused";
  EXPECT_NE(unknown.body.find("extra"), std::string::npos) << unknown.body;
  // 区治欠办 manages the risk too, but only the body that added a file withdraws it.
  EXPECT_EQ(coordinator.PostJson(path, {{"reason", "上传了别的项目的工资表"}}).status, 403);
  auto withdrawn = handler.PostJson(path, {{"reason", "上传了别的项目的工资表"}});
  ASSERT_EQ(withdrawn.status, 200) << withdrawn.body;
  EXPECT_TRUE(withdrawn.Json().at("withdrawn").as_bool());
  EXPECT_EQ(withdrawn.Json().at("withdrawn_reason"), "上传了别的项目的工资表");
  EXPECT_EQ(handler.PostJson(path, {{"reason", "再撤回一次试试"}}).status, 409);
  EXPECT_EQ(FileCount(handler, RiskEvidence(risk)), 1u) << "a withdrawn file stays in the record";
  auto history = handler.Get("/api/v1/risks/" + std::to_string(risk)).Json().at("history").as_array();
  EXPECT_EQ(history.back().at("action"), "evidence_withdrawn");
  EXPECT_EQ(history.back().at("detail"), "工资表：上传了别的项目的工资表");
}

TEST(EvidenceOnRisks, OnlyWhoMayReadTheRiskReadsItsFilesAndOnlyWhoManagesItAddsThem) {
  TestServer server;
  HttpClient handler = server.LoginAs("handler"), police = server.LoginAs("police"), sysadmin = server.LoginAs("sysadmin");
  const std::int64_t risk = CreateRisk(handler);
  auto file = AttachEvidenceAt(handler, RiskEvidence(risk), "report_material", "", "举报信.pdf", SamplePdf("report"));
  ASSERT_EQ(file.status, 201) << file.body;
  const std::string content(file.Json().at("download_url").as_string());
  // The system administrator may not read the risk ledger (三员分立), so neither its files.
  EXPECT_EQ(sysadmin.Get("/api/v1/risks/" + std::to_string(risk)).status, 403);
  EXPECT_EQ(sysadmin.Get(RiskEvidence(risk)).status, 403);
  EXPECT_EQ(sysadmin.Get(content).status, 403);
  EXPECT_EQ(Receipts(server, "evidence.download", "sysadmin", "evidence_file", std::to_string(file.Json().at("id").as_int64())), 0u);
  // The police read the risk but do not manage it (owner: 区人社局).
  auto police_upload = AttachEvidenceAt(police, RiskEvidence(risk), "other", "", "x.pdf", SamplePdf("x"));
  EXPECT_EQ(police_upload.status, 403) << police_upload.body;
  EXPECT_EQ(Code(police_upload), "forbidden");
  EXPECT_FALSE(std::string(police_upload.Json().at("detail").as_string()).empty());
  // No such risk; a file of another risk is not this one's.
  EXPECT_EQ(handler.Get(RiskEvidence(risk + 1000)).status, 404);
  EXPECT_EQ(AttachEvidenceAt(handler, RiskEvidence(risk + 1000), "other", "", "x.pdf", SamplePdf("x")).status, 404);
  const std::int64_t other = CreateRisk(handler);
  EXPECT_EQ(handler.Get(RiskEvidence(other, "/" + std::to_string(file.Json().at("id").as_int64()) + "/content")).status, 404);
  EXPECT_EQ(server.Client().Get(content).status, 401);
  EXPECT_EQ(StoredFiles(server), 1u) << "refused uploads keep nothing";
}

TEST(EvidenceOnMeetings, TheConvenerAttachesMinutesEveryBodyReadsThemWithAReceiptAndAWrongFileIsWithdrawn) {
  TestServer server;
  HttpClient coordinator = server.LoginAs("coordinator"), police = server.LoginAs("police");
  const std::int64_t meeting = CreateMeeting(coordinator);
  const std::string minutes = SamplePdf("会议纪要 2026-01-22");
  auto r = AttachEvidenceAt(coordinator, MeetingEvidence(meeting), "minutes", "minutes", "会议纪要.pdf", minutes);
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.Json().at("owner_kind"), "meeting");
  EXPECT_EQ(r.Json().at("kind_zh"), "会议纪要");
  EXPECT_EQ(r.Json().at("supports_zh"), "会议记录与签到");
  const std::string file_id = std::to_string(r.Json().at("id").as_int64());
  const std::string content(r.Json().at("download_url").as_string());
  EXPECT_EQ(content, MeetingEvidence(meeting, "/" + file_id + "/content"));

  EXPECT_EQ(FileCount(police, MeetingEvidence(meeting)), 1u);
  ExpectServedAsAnAttachment(police.Get(content), minutes, "application/pdf");
  EXPECT_EQ(Receipts(server, "evidence.list", "police", "meeting", std::to_string(meeting)), 1u);
  EXPECT_EQ(Receipts(server, "evidence.download", "police", "evidence_file", file_id), 1u);

  auto sheet = AttachEvidenceAt(coordinator, MeetingEvidence(meeting), "sign_in_sheet", "", "签到表.pdf", SamplePdf("wrong day"));
  ASSERT_EQ(sheet.status, 201) << sheet.body;
  const std::string path = MeetingEvidence(meeting, "/" + std::to_string(sheet.Json().at("id").as_int64()) + "/withdraw");
  EXPECT_EQ(police.PostJson(path, {{"reason", "不是本次会议的签到表"}}).status, 403);
  auto withdrawn = coordinator.PostJson(path, {{"reason", "不是本次会议的签到表"}});
  ASSERT_EQ(withdrawn.status, 200) << withdrawn.body;
  EXPECT_EQ(withdrawn.Json().at("withdrawn_reason"), "不是本次会议的签到表");
  EXPECT_EQ(coordinator.PostJson(path, {{"reason", "再撤回一次试试"}}).status, 409);
  EXPECT_EQ(FileCount(coordinator, MeetingEvidence(meeting)), 2u) << "a withdrawn file stays in the record";
  EXPECT_EQ(Receipts(server, "evidence.withdraw", "coordinator", "evidence_file", std::to_string(sheet.Json().at("id").as_int64())), 1u);
}

TEST(EvidenceOnMeetings, AnHtmlPageRenamedJpgIsRefusedAndOnlyWhoMayReadTheMeetingReadsItsFiles) {
  TestServer server;
  HttpClient coordinator = server.LoginAs("coordinator"), police = server.LoginAs("police"), sysadmin = server.LoginAs("sysadmin");
  const std::int64_t meeting = CreateMeeting(coordinator);
  auto html = AttachEvidenceAt(coordinator, MeetingEvidence(meeting), "meeting_photo", "", "会场.jpg", kHtmlAsPhoto);
  EXPECT_EQ(html.status, 415) << html.body;
  EXPECT_EQ(Code(html), "unsupported_media_type");
  EXPECT_EQ(StoredFiles(server), 0u);

  auto photo = AttachEvidenceAt(coordinator, MeetingEvidence(meeting), "meeting_photo", "", "会场.jpg", SampleJpeg("room"));
  ASSERT_EQ(photo.status, 201) << photo.body;
  const std::string content(photo.Json().at("download_url").as_string());
  // The police read the meeting but do not convene it; the administrators read no meeting at all.
  EXPECT_EQ(AttachEvidenceAt(police, MeetingEvidence(meeting), "other", "", "x.pdf", SamplePdf("x")).status, 403);
  EXPECT_EQ(sysadmin.Get("/api/v1/meetings/" + std::to_string(meeting)).status, 403);
  EXPECT_EQ(sysadmin.Get(MeetingEvidence(meeting)).status, 403);
  EXPECT_EQ(sysadmin.Get(content).status, 403);
  EXPECT_EQ(coordinator.Get(MeetingEvidence(meeting + 1000)).status, 404);
  auto unknown_support = AttachEvidenceAt(coordinator, MeetingEvidence(meeting), "other", "investigation_report", "x.pdf", SamplePdf("x"));
  EXPECT_EQ(unknown_support.status, 400) << "a case's package item is nothing a meeting's file supports";
  EXPECT_EQ(unknown_support.Json().at("field"), "supports");
  EXPECT_EQ(server.Client().Get(content).status, 401);
}

// A database of the schema before migration 0018 (the previous release's), holding a case with
// two evidence files, the second withdrawn.
struct BeforeEvidenceOwners {
  std::int64_t case_id = 0, first = 0, second = 0;
};
BeforeEvidenceOwners FillSchemaBeforeEvidenceOwners(store::Connection& c) {
  store::ApplyMigrations(c, 17);
  BeforeEvidenceOwners out;
  const std::int64_t employer = c.InsertReturningId(
      "INSERT INTO employers (name, kind, created_at) VALUES ('某建筑劳务有限公司', 'unit', '2025-12-01T00:00:00Z') RETURNING id", {});
  out.case_id = c.InsertReturningId(
      "INSERT INTO cases (case_no, title, state, channel, received_at, employer_id, created_at, updated_at) "
      "VALUES ('LJ-2025-0001', '拖欠工资', 'accepted', 'window', '2025-12-01T00:00:00Z', ?, '2025-12-01T00:00:00Z', "
      "'2025-12-01T00:00:00Z') RETURNING id",
      {employer});
  auto insert_old = [&](const std::string& sha) {
    return c.InsertReturningId(
        "INSERT INTO evidence_files (case_id, kind, note, file_name, content_type, byte_size, sha256, crc32, storage_key, "
        "added_by_name, added_body, added_at) VALUES (?, 'payroll', '', '工资表.pdf', 'application/pdf', 10, ?, 1, ?, '李承办', "
        "'hrss', '2025-12-02T00:00:00Z') RETURNING id",
        {out.case_id, sha, sha});
  };
  out.first = insert_old(std::string(64, 'a'));
  out.second = insert_old(std::string(64, 'b'));
  c.Execute("UPDATE evidence_files SET withdrawn_at = '2025-12-03T00:00:00Z', withdrawn_by_name = '李承办', "
            "withdrawn_reason = '月份错误' WHERE id = ?",
            {out.second});
  return out;
}

// Migration 0018 over a database holding case evidence of the schema before it: every file keeps its
// id and record and is owned by its case; the guards still hold; new files continue the numbering.
TEST(EvidenceMigration, CaseFilesBecomeFilesOwnedByTheirCaseWithTheirIdsAndGuards) {
  ScratchDatabase scratch;
  auto db = store::Database::Open(scratch.url(), 2);
  ASSERT_TRUE(db) << db.error().message_en;
  auto c = (*db)->Acquire();
  const auto [case_id, first, second] = FillSchemaBeforeEvidenceOwners(*c);

  EXPECT_FALSE(store::ApplyMigrations(*c).empty());
  std::vector<std::tuple<std::int64_t, std::string, std::int64_t, std::string>> rows;
  c->Stream("SELECT id, owner_kind, owner_id, COALESCE(withdrawn_reason, '') FROM evidence_files ORDER BY id", {},
            [&](const store::Row& r) { rows.emplace_back(r.Int(0), r.Text(1), r.Int(2), r.Text(3)); });
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0], std::make_tuple(first, std::string("case"), case_id, std::string()));
  EXPECT_EQ(rows[1], std::make_tuple(second, std::string("case"), case_id, std::string("月份错误")));

  EXPECT_THROW(c->Execute("UPDATE evidence_files SET kind = 'other' WHERE id = ?", {first}), store::DatabaseError);
  EXPECT_THROW(c->Execute("DELETE FROM evidence_files WHERE id = ?", {first}), store::DatabaseError);
  auto insert_new = [&](const std::string& owner_kind, std::int64_t owner_id) {
    return c->InsertReturningId(
        "INSERT INTO evidence_files (owner_kind, owner_id, kind, note, file_name, content_type, byte_size, sha256, crc32, "
        "storage_key, added_by_name, added_body, added_at) VALUES (?, ?, 'other', '', 'x.pdf', 'application/pdf', 1, 'c', 1, "
        "'c', '李承办', 'hrss', '2025-12-04T00:00:00Z') RETURNING id",
        {owner_kind, owner_id});
  };
  EXPECT_THROW(insert_new("risk", 4242), store::DatabaseError) << "no such risk";
  EXPECT_THROW(insert_new("meeting", 4242), store::DatabaseError) << "no such meeting";
  EXPECT_GT(insert_new("case", case_id), second) << "the numbering continues";
}

// A migration that fails part-way (here: a name its last statements need is already taken) leaves
// the database exactly as it was, at the version before, with every row; once the cause is gone the
// same migration applies. Each migration runs in one transaction (DDL is transactional on both
// engines), so a server that cannot upgrade refuses to start and the old release still runs on it.
TEST(EvidenceMigration, AMigrationThatFailsPartWayLeavesTheDatabaseAsItWas) {
  ScratchDatabase scratch;
  auto db = store::Database::Open(scratch.url(), 2);
  ASSERT_TRUE(db) << db.error().message_en;
  auto c = (*db)->Acquire();
  const auto before = FillSchemaBeforeEvidenceOwners(*c);
  c->Execute("CREATE INDEX evidence_files_owner ON settings (key)");

  EXPECT_THROW(store::ApplyMigrations(*c), store::DatabaseError);
  EXPECT_EQ(store::ReadMigrationStatus(*c).current_version, 17);
  std::vector<std::pair<std::int64_t, std::int64_t>> rows;
  c->Stream("SELECT id, case_id FROM evidence_files ORDER BY id", {},
            [&](const store::Row& r) { rows.emplace_back(r.Int(0), r.Int(1)); });
  EXPECT_EQ(rows, (std::vector<std::pair<std::int64_t, std::int64_t>>{{before.first, before.case_id}, {before.second, before.case_id}}))
      << "the old table, its column and its rows are all still there";
  EXPECT_THROW(c->QueryOne("SELECT owner_kind FROM evidence_files"), store::DatabaseError) << "no half-applied column";
  EXPECT_THROW(c->Execute("DELETE FROM evidence_files WHERE id = ?", {before.first}), store::DatabaseError)
      << "the old guard still holds";

  c->Execute("DROP INDEX evidence_files_owner");
  EXPECT_FALSE(store::ApplyMigrations(*c).empty());
  EXPECT_TRUE(store::ReadMigrationStatus(*c).up_to_date());
  auto owner = c->QueryOne("SELECT owner_kind, owner_id FROM evidence_files WHERE id = ?", {before.second});
  ASSERT_TRUE(owner);
  EXPECT_EQ(owner->Text(0), "case");
  EXPECT_EQ(owner->Int(1), before.case_id);
}

}  // namespace
}  // namespace wagelink::testing
