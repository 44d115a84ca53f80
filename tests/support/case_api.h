#pragma once
// The case endpoints as the API tests call them: one path builder and one step request, instead of a
// copy in every test file.
#include <boost/json.hpp>
#include <cctype>
#include <cstdint>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "support/scenarios.h"
#include "support/test_server.h"

namespace wagelink::testing {

inline std::string CasePath(std::int64_t id, const std::string& tail = "") {
  return "/api/v1/cases/" + std::to_string(id) + tail;
}

// Percent-encodes a query value (Chinese names travel as UTF-8 escapes).
inline std::string QueryValue(const std::string& text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_') {
      out.push_back(static_cast<char>(c));
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

// POST /api/v1/cases with scenario one's complaint (S1, 14 workers, 186,400 yuan); the new case's id.
inline std::int64_t CreateScenarioOneCase(HttpClient& client) {
  auto created = client.PostJson("/api/v1/cases", ScenarioOneComplaint());
  EXPECT_EQ(created.status, 201) << created.body;
  return created.status == 201 ? created.Json().at("id").as_int64() : 0;
}

// POST /api/v1/cases/{id}/steps dated `at` (RFC 3339), with the payload and an optional reason.
inline HttpResponse Step(HttpClient& client, std::int64_t id, const std::string& event, const std::string& at,
                         boost::json::object payload = {}, const std::string& reason = "") {
  boost::json::object body{{"event", event}, {"at", at}, {"payload", payload}};
  if (!reason.empty()) body["reason"] = reason;
  return client.PostJson(CasePath(id, "/steps"), body);
}

// A multipart/form-data body with the form fields first and then one file, as browsers send it.
inline std::string MultipartBody(const std::string& boundary, const std::vector<std::pair<std::string, std::string>>& fields,
                                 const std::string& file_name, const std::string& bytes) {
  std::string body;
  for (const auto& [name, value] : fields) {
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
  }
  body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file_name +
          "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + bytes + "\r\n--" + boundary + "--\r\n";
  return body;
}

// POST {evidence_path} (/api/v1/{cases|risks|meetings}/{id}/evidence): one file of `kind`, attached
// for `supports` (empty = none).
inline HttpResponse AttachEvidenceAt(HttpClient& client, const std::string& evidence_path, const std::string& kind,
                                     const std::string& supports, const std::string& file_name, const std::string& bytes) {
  const std::string boundary = "wagelinkTestBoundary7MA4YWxk";
  std::vector<std::pair<std::string, std::string>> fields{{"kind", kind}};
  if (!supports.empty()) fields.emplace_back("supports", supports);
  return client.Send("POST", evidence_path, MultipartBody(boundary, fields, file_name, bytes),
                     {{"Content-Type", "multipart/form-data; boundary=" + boundary}});
}

// POST /api/v1/cases/{id}/evidence: one file of `kind`, attached for `supports` (a package item or
// a step; empty = none).
inline HttpResponse AttachEvidence(HttpClient& client, std::int64_t id, const std::string& kind, const std::string& supports,
                                   const std::string& file_name, const std::string& bytes) {
  return AttachEvidenceAt(client, CasePath(id, "/evidence"), kind, supports, file_name, bytes);
}

// Small files whose first bytes are what they claim (the server reads the type from them).
inline std::string SamplePdf(const std::string& text) {
  return "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% " + text + "\n%%EOF\n";
}
inline std::string SampleJpeg(const std::string& text) { return std::string("\xFF\xD8\xFF\xE0\x00\x10JFIF\x00", 11) + text; }

// Files for every required item of the transfer package (data/transfer_package.json) but the
// letter, which the platform generates; returns the first failed response's status, or 201.
inline int AttachTransferPackage(HttpClient& client, std::int64_t id) {
  const std::vector<std::tuple<std::string, std::string, std::string, std::string>> files{
      {"other", "investigation_report", "调查报告.pdf", SamplePdf("investigation report " + std::to_string(id))},
      {"other", "items_list", "涉案物品清单.pdf", SamplePdf("items list " + std::to_string(id))},
      {"interview_record", "", "询问笔录.pdf", SamplePdf("interview " + std::to_string(id))},
      {"payroll", "", "工资表.pdf", SamplePdf("payroll " + std::to_string(id))},
      {"posting_media", "", "张贴照片.jpg", SampleJpeg("posting " + std::to_string(id))}};
  for (const auto& [kind, supports, name, bytes] : files) {
    auto r = AttachEvidence(client, id, kind, supports, name, bytes);
    if (r.status != 201) return r.status;
  }
  return 201;
}

}  // namespace wagelink::testing
