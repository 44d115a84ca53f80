#include "services/publication_privacy.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "security/masking.h"
#include "security/pii_scan.h"

namespace wagelink::services {
namespace {

constexpr std::array<std::string_view, 6> kConfidentialMarkers{"【涉密】", "【保密】", "【内部】",
                                                               "国家秘密", "商业秘密", "【不予公开】"};

std::string MaskedExcerpt(security::PersonalDataKind kind, std::string_view raw) {
  const std::string canonical = security::NormalizeIdentifier(raw);
  switch (kind) {
    case security::PersonalDataKind::kIdNumber:
      return security::MaskIdNumber(canonical);
    case security::PersonalDataKind::kPhone:
      return security::MaskPhone(canonical);
    case security::PersonalDataKind::kBankCard:
      return security::MaskBankCard(canonical);
  }
  return "***";
}

std::string_view KindZh(security::PersonalDataKind kind) {
  switch (kind) {
    case security::PersonalDataKind::kIdNumber:
      return "身份证号码";
    case security::PersonalDataKind::kPhone:
      return "手机号码";
    case security::PersonalDataKind::kBankCard:
      return "银行卡号";
  }
  return "个人信息";
}

// Also drops the punctuation people use to space a name out (张·三, 张.三, 张_三).
std::string NameForm(std::string_view text) {
  std::string out = security::NormalizeIdentifier(text);
  for (std::string_view dot : {"·", "•", "．", "。", "、", "_", ".", "*", "\xEF\xBC\xBF"}) {
    for (auto at = out.find(dot); at != std::string::npos; at = out.find(dot, at)) out.erase(at, dot.size());
  }
  return out;
}

bool LooksLikeMarkup(std::string_view text) {
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    const unsigned char next = static_cast<unsigned char>(text[i + 1]);
    if (text[i] == '<' && (std::isalpha(next) || next == '/' || next == '!' || next == '?')) return true;
  }
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  return lower.find("javascript:") != std::string::npos || lower.find("&#") != std::string::npos;
}

// ID, phone and bank card numbers in `value`, each with a masked excerpt.
void AddPersonalNumbers(std::string_view field, std::string_view value, std::vector<PrivacyFinding>& findings) {
  for (const auto& f : security::ContainsPersonalData(value)) {
    const std::string excerpt = MaskedExcerpt(f.kind, value.substr(f.offset, f.length));
    findings.push_back({std::string(field), std::string(security::PersonalDataKindCode(f.kind)), excerpt,
                        "含" + std::string(KindZh(f.kind)) + "（" + excerpt + "），属个人信息，不得公布",
                        "contains a " + std::string(security::PersonalDataKindCode(f.kind)) +
                            " (personal data) that may not be published"});
  }
}

bool Contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

}  // namespace

std::vector<PrivacyFinding> ScreenForPublication(const PublicationText& text) {
  std::vector<PrivacyFinding> findings;
  for (const auto& [field, value] : text.fields) {
    if (Contains(text.confidential_fields, field)) {
      findings.push_back({field, "confidential", "", "该字段已标记为保密，不得公布",
                          "this field is marked confidential and may not be published"});
    }
    for (std::string_view marker : kConfidentialMarkers) {
      if (value.find(marker) != std::string::npos) {
        findings.push_back({field, "confidential", std::string(marker), "含保密标记“" + std::string(marker) + "”",
                            "carries a confidentiality marker"});
      }
    }
    AddPersonalNumbers(field, value, findings);
    const std::string value_form = NameForm(value);
    for (const auto& name : text.worker_names) {
      const std::string name_form = NameForm(name);
      if (name_form.size() < 4) continue;  // a single CJK character would match everywhere
      if (value_form.find(name_form) != std::string::npos) {
        const std::string masked = security::MaskPersonName(name);
        findings.push_back({field, "worker_name", masked, "含劳动者姓名（" + masked + "），不得公布",
                            "contains a worker's name, which may not be published"});
      }
    }
    if (LooksLikeMarkup(value)) {
      findings.push_back({field, "markup", "", "含 HTML 或脚本标记，公布内容只能是纯文本",
                          "contains HTML or script markup; published text must be plain"});
    }
  }
  return findings;
}

Status RefusePersonalDataIn(const TextFields& fields) {
  std::vector<PrivacyFinding> found;
  for (const auto& [field, value] : fields) AddPersonalNumbers(field, value, found);
  if (found.empty()) return Ok{};
  std::string zh = "文本中不得填写身份证号码、手机号码或银行卡号（请录入劳动者信息，加密保存）。发现：";
  std::string en = "free text may not hold ID, phone or bank card numbers (enter them as worker data, kept encrypted). Found:";
  // People read the zh text: the finding's own wording and masked excerpt, never the field's code
  // (the problem's `field` names the first one for the form to highlight).
  for (const auto& f : found) {
    zh += f.zh + "；";
    en += " " + f.field + ": " + f.kind + " " + f.excerpt + ";";
  }
  return MakeError(ErrorCode::kValidationFailed, zh, en, found.front().field);
}

std::string StripMarkup(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    if (text.substr(i, 4) == "<!--") {
      const auto end = text.find("-->", i + 4);
      i = end == std::string_view::npos ? text.size() : end + 3;
      continue;
    }
    const unsigned char next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
    if (text[i] == '<' && (std::isalpha(next) || next == '/' || next == '!' || next == '?')) {
      const auto end = text.find('>', i + 1);
      i = end == std::string_view::npos ? text.size() : end + 1;
      continue;
    }
    if (text[i] == '<') {
      out += "＜";  // a lone '<' stays visible but can never open a tag
    } else {
      out.push_back(text[i]);
    }
    ++i;
  }
  return out;
}

}  // namespace wagelink::services
