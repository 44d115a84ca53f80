// Crash safety (issue 12, docs/operations.md "Crash safety"): the server is killed with SIGKILL at
// random instants while four officers write at once — complaints, steps, payments, evidence uploads
// and imports, 1,000 acknowledged writes in all — and is started again on the same database after
// each kill. At the end every write that was answered 2xx is there, nothing is half-written, and the
// audit log verifies against the anchors the server published outside the database.
//
// The instants are random (the seed is printed on failure); what is asserted holds whatever they are.
#include <signal.h>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cctype>
#include <ctime>
#include <fstream>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <thread>

#include "security/digest.h"
#include "support/case_api.h"
#include "support/scenarios.h"
#include "support/test_server.h"

namespace wagelink::testing {
namespace {

constexpr int kWriters = 4;
constexpr int kAcknowledgedWrites = 1000;
constexpr int kMaxRounds = 40;

// What the server answered 2xx to, per kind of write.
struct Acknowledged {
  std::mutex mutex;
  std::set<std::int64_t> cases;                            // complaints registered
  std::set<std::int64_t> accepted;                         // cases whose acceptance step was answered
  std::map<std::int64_t, std::int64_t> payments;           // case → the one payment it gets, in fen
  std::map<std::int64_t, std::string> files;               // evidence id → sha256
  std::map<std::int64_t, std::int64_t> file_case;          // evidence id → case
  std::map<std::int64_t, int> uploads;                     // import → the write number its clue carries
  std::map<std::int64_t, std::vector<std::int64_t>> imports;  // committed import → its cases
  std::vector<std::string> unexpected;                     // refusals and errors of a live server
  std::atomic<int> count{0};
  std::atomic<bool> killed{false};
  std::atomic<int> writing{0};
};

std::string Rfc3339(std::time_t t) {
  char text[32];
  std::tm utc{};
  gmtime_r(&t, &utc);
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

std::string BeijingDate(std::time_t t) {
  t += 8 * 3600;
  char text[16];
  std::tm utc{};
  gmtime_r(&t, &utc);
  std::strftime(text, sizeof text, "%Y-%m-%d", &utc);
  return text;
}

// Digits that differ for every write `n`, for ID numbers and names the server deduplicates on.
std::string IdNumber(int n, int worker) {
  return SyntheticIdNumber("1101011980", 1 + n % 12, 1 + worker % 28, n);
}

boost::json::object Complaint(int n, std::time_t now) {
  boost::json::array workers;
  for (int w = 0; w < 2; ++w) {
    workers.push_back({{"name", w == 0 ? "赵大勇" : "钱小军"}, {"id_number", IdNumber(n, w)}, {"phone", "13900000001"},
                       {"owed_yuan", 8000 + w * 1000}, {"months_unpaid", 2}, {"period_from", "2026-09"},
                       {"period_to", "2026-10"}});
  }
  return {{"channel", "walk_in"},
          {"received_at", Rfc3339(now - 7200)},
          {"employer", {{"name", "某装修队（包工头 孙某" + std::to_string(n) + "）"}, {"kind", "unqualified_contractor"},
                        {"address", "某区滨海路 " + std::to_string(n) + " 号"}, {"legal_representative", "孙某"}}},
          {"summary", "两名工人投诉 9 月至 10 月工资未付。"},
          {"conduct", "unknown"},
          {"workers", workers}};
}

std::string ClueCsv(int n, std::time_t now) {
  return "线索编号,投诉人姓名,公民身份号码,联系电话,被投诉单位名称,统一社会信用代码,项目名称,欠薪金额（元）,欠薪月数,投诉时间,投诉内容,类型\r\n"
         "KILL-" + std::to_string(n) + ",周一," + IdNumber(n, 7) + ",13900000007,某餐饮店" + std::to_string(n) +
         ",,,4500,2," + BeijingDate(now - 86400) + ",两个月工资未发,个体\r\n";
}

bool Ok(const HttpResponse& r, Acknowledged& ack, const std::string& what) {
  if (r.status >= 200 && r.status < 300) return true;
  std::lock_guard lock(ack.mutex);
  ack.unexpected.push_back(what + " → " + std::to_string(r.status) + " " + r.body.substr(0, 300));
  return false;
}

// One officer writing until the server dies under it (the first failed connection ends the round).
void Write(HttpClient& officer, std::atomic<int>& sequence, Acknowledged& ack) {
  std::string stage;
  try {
    for (;;) {
      const int n = sequence++;
      const std::time_t now = std::time(nullptr);
      auto created = officer.PostJson("/api/v1/cases", Complaint(n, now));
      if (!Ok(created, ack, stage = "complaint")) return;
      const std::int64_t id = created.Json().at("id").as_int64();
      { std::lock_guard lock(ack.mutex); ack.cases.insert(id); }
      ++ack.count;

      if (!Ok(Step(officer, id, "accept_complaint", Rfc3339(now - 3600)), ack, stage = "accept_complaint")) return;
      { std::lock_guard lock(ack.mutex); ack.accepted.insert(id); }
      ++ack.count;

      // Each case gets one payment, split between its two workers in proportion to what they are owed.
      const std::string amount = std::to_string(100 + n) + ".00";
      auto paid = officer.PostJson(CasePath(id, "/payments"), {{"proportional", true}, {"amount_yuan", amount},
                                                               {"paid_on", BeijingDate(now)}, {"payer", "employer"}});
      if (!Ok(paid, ack, stage = "payment")) return;
      { std::lock_guard lock(ack.mutex); ack.payments[id] = (100 + n) * 100; }
      ++ack.count;

      const std::string pdf = SamplePdf("payroll of write " + std::to_string(n) + std::string(4096 + n % 977, 'w'));
      auto file = AttachEvidence(officer, id, "payroll", "", "工资表.pdf", pdf);
      if (!Ok(file, ack, stage = "evidence")) return;
      {
        std::lock_guard lock(ack.mutex);
        const std::int64_t file_id = file.Json().at("id").as_int64();
        ack.files[file_id] = security::Sha256Hex(pdf);
        ack.file_case[file_id] = id;
      }
      ++ack.count;

      if (n % 3 != 0) continue;
      auto upload = officer.Send("POST", "/api/v1/imports?kind=complaints&file_name=clues.csv", ClueCsv(n, now),
                                 {{"Content-Type", "text/csv"}});
      if (!Ok(upload, ack, stage = "import upload")) return;
      { std::lock_guard lock(ack.mutex); ack.uploads[upload.Json().at("id").as_int64()] = n; }
      ++ack.count;
      const std::string target = "/api/v1/imports/" + std::to_string(upload.Json().at("id").as_int64());
      boost::json::object mapping = upload.Json().at("mapping").as_object();
      mapping["employer_kind"] = "类型";
      if (!Ok(officer.PutJson(target + "/mapping", {{"mapping", mapping}}), ack, stage = "import mapping")) return;
      ++ack.count;
      auto committed = officer.Send("POST", target + "/commit");
      if (!Ok(committed, ack, stage = "import commit")) return;
      std::vector<std::int64_t> cases;
      const auto result = committed.Json().at("result");
      for (const auto& c : result.at("case_ids").as_array()) cases.push_back(c.as_int64());
      { std::lock_guard lock(ack.mutex); ack.imports[upload.Json().at("id").as_int64()] = cases; }
      ++ack.count;
    }
  } catch (const std::exception& error) {
    // After the kill this is the write the server died under: it was not acknowledged.
    if (ack.killed) return;
    std::lock_guard lock(ack.mutex);
    ack.unexpected.push_back(stage + ": " + error.what());
  }
}

std::string UrlEncode(const std::string& text) {
  std::string out;
  for (const unsigned char c : text) {
    char escaped[4];
    std::snprintf(escaped, sizeof escaped, "%%%02X", c);
    out += std::isalnum(c) ? std::string(1, static_cast<char>(c)) : std::string(escaped);
  }
  return out;
}

std::int64_t Fen(const boost::json::value& yuan) {
  const std::string text(yuan.as_string());
  const auto dot = text.find('.');
  return std::stoll(text.substr(0, dot)) * 100 + (dot == std::string::npos ? 0 : std::stoll(text.substr(dot + 1)));
}

TEST(CrashSafety, KillNineAtRandomInstantsDuringMixedWritesLosesNoAcknowledgedWrite) {
  ScratchDatabase db;
  const std::string key = db.directory() + "/master.key";
  const std::string anchors = db.directory() + "/anchors.jsonl";
  auto init = RunWagelink({"init", "--demo", "--db", db.url(), "--data-dir", SourceDir() + "/data", "--key-file", key,
                           "--anchor-file", anchors});
  ASSERT_EQ(init.exit_code, 0) << init.output;
  // Evidence files live beside the database, so a restart finds the ones the last process wrote.
  const std::string config = db.directory() + "/wagelink.toml";
  std::ofstream(config) << "[evidence]\ndir = \"" << db.directory() << "/evidence\"\nspool_dir = \"" << db.directory()
                        << "/spool\"\n";

  const unsigned seed = std::random_device{}();
  SCOPED_TRACE("random seed " + std::to_string(seed));
  std::mt19937 random(seed);
  Acknowledged ack;
  std::atomic<int> sequence{0};
  int rounds = 0;
  // Two officers sign in once; their sessions outlive every kill, as they must for people at work.
  std::vector<HttpClient> sessions;
  for (; ack.count < kAcknowledgedWrites && rounds < kMaxRounds; ++rounds) {
    ServerProcess server(db.url(), {"--config", config}, key, anchors);
    std::vector<HttpClient> officers;
    for (int i = 0; i < kWriters; ++i) {
      officers.emplace_back(server.port());
      if (sessions.size() < 2) {
        ASSERT_EQ(officers.back().Login(i % 2 ? "handler2" : "handler", kDemoPassword).status, 200);
        sessions.push_back(HttpClient(server.port()));
        sessions.back().cookies = officers.back().cookies;
        sessions.back().csrf_token = officers.back().csrf_token;
      }
      officers.back().cookies = sessions[i % 2].cookies;
      officers.back().csrf_token = sessions[i % 2].csrf_token;
    }
    const int kill_at = ack.count + std::uniform_int_distribution<int>(30, 200)(random);
    std::vector<std::thread> writers;
    ack.killed = false;
    ack.writing = kWriters;
    for (auto& officer : officers) {
      writers.emplace_back([&] {
        Write(officer, sequence, ack);
        --ack.writing;
      });
    }
    while (ack.count < kill_at && ack.writing > 0) std::this_thread::sleep_for(std::chrono::microseconds(200));
    ack.killed = true;
    server.Signal(SIGKILL);
    EXPECT_EQ(server.WaitExit(), 128 + SIGKILL);
    for (auto& writer : writers) writer.join();
    ASSERT_TRUE(ack.unexpected.empty()) << "a live server refused a write: " << ack.unexpected.front();
  }
  ASSERT_GE(ack.count, kAcknowledgedWrites) << "only " << ack.count << " writes in " << rounds << " rounds";

  ServerProcess server(db.url(), {"--config", config}, key, anchors);
  HttpClient handler(server.port());
  ASSERT_EQ(handler.Login("handler", kDemoPassword).status, 200);
  HttpClient handler2(server.port());
  ASSERT_EQ(handler2.Login("handler2", kDemoPassword).status, 200);
  auto read = [&](const std::string& path) {
    auto r = handler.Get(path);
    return r.status == 404 ? handler2.Get(path) : r;  // each officer sees the cases of their own team
  };

  // Every acknowledged complaint, acceptance and payment is there, and each case is whole: its
  // workers, and an outstanding amount that is the debt less the payments the case lists.
  for (const std::int64_t id : ack.cases) {
    auto detail = read(CasePath(id));
    ASSERT_EQ(detail.status, 200) << "case " << id << " was acknowledged but is gone";
    const auto json = detail.Json();
    EXPECT_EQ(json.at("workers").as_array().size(), 2u) << "case " << id;
    bool accepted = false;
    for (const auto& event : json.at("timeline").as_array()) accepted = accepted || event.at("event") == "accept_complaint";
    EXPECT_TRUE(accepted || !ack.accepted.contains(id)) << "acceptance of case " << id << " was acknowledged but lost";
    std::int64_t paid_fen = 0;
    for (const auto& payment : json.at("payments").as_array()) paid_fen += Fen(payment.at("amount").at("yuan"));
    if (ack.payments.contains(id)) {
      EXPECT_EQ(paid_fen, ack.payments[id]) << "the payment to case " << id << " was acknowledged";
    } else {
      EXPECT_TRUE(paid_fen == 0 || json.at("payments").as_array().size() == 2u) << "case " << id << " has half a payment";
    }
    EXPECT_EQ(Fen(json.at("owed").at("yuan")) - paid_fen, Fen(json.at("outstanding").at("yuan"))) << "case " << id;
    // Every file the case lists can be read back whole, whether or not its upload was answered.
    auto listing = read(CasePath(id, "/evidence"));
    ASSERT_EQ(listing.status, 200);
    const auto files = listing.Json();
    for (const auto& file : files.at("files").as_array()) {
      auto content = read(std::string(file.at("download_url").as_string()));
      ASSERT_EQ(content.status, 200) << "evidence " << file.at("id") << " is listed but unreadable";
      EXPECT_EQ(security::Sha256Hex(content.body), file.at("sha256").as_string());
    }
  }
  for (const auto& [file_id, sha] : ack.files) {
    const auto files = read(CasePath(ack.file_case[file_id], "/evidence")).Json().at("files").as_array();
    bool found = false;
    for (const auto& file : files) found = found || (file.at("id").as_int64() == file_id && file.at("sha256").as_string() == sha);
    EXPECT_TRUE(found) << "evidence " << file_id << " was acknowledged but is gone";
  }
  // A committed import's cases are all there; an import that was not committed created none.
  for (const auto& [import_id, n] : ack.uploads) {
    auto view = read("/api/v1/imports/" + std::to_string(import_id));
    ASSERT_EQ(view.status, 200) << "import " << import_id << " was acknowledged but is gone";
    const bool committed = view.Json().at("status") == "committed";
    EXPECT_TRUE(committed || !ack.imports.contains(import_id)) << "import " << import_id << " commit was acknowledged";
    const std::string employer = "某餐饮店" + std::to_string(n);
    std::set<std::int64_t> matching;  // the number also matches longer ones (7 in 17): keep exact names
    for (HttpClient* officer : {&handler, &handler2}) {
      auto found = officer->Get("/api/v1/cases?q=" + UrlEncode(employer));
      ASSERT_EQ(found.status, 200) << found.body;
      const auto page = found.Json();
      for (const auto& item : page.at("items").as_array()) {
        if (item.at("employer_name").as_string() == employer) matching.insert(item.at("id").as_int64());
      }
    }
    EXPECT_EQ(matching.size(), committed ? 1u : 0u) << "import " << import_id << (committed ? " committed" : " not committed");
    if (!committed) continue;
    const auto import = view.Json();
    for (const auto& id : import.at("result").at("case_ids").as_array()) {
      EXPECT_EQ(read(CasePath(id.as_int64())).status, 200) << "case " << id << " of import " << import_id;
    }
  }

  auto verified = RunWagelink({"audit", "verify", "--db", db.url(), "--key-file", key, "--data-dir", SourceDir() + "/data",
                               "--anchor-file", anchors});
  EXPECT_EQ(verified.exit_code, 0) << verified.output;
  std::printf("crash safety: %d acknowledged writes over %d kills (seed %u)\n", ack.count.load(), rounds, seed);
}

}  // namespace
}  // namespace wagelink::testing
