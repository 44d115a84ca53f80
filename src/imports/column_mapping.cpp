#include "imports/column_mapping.h"

#include <algorithm>
#include <tuple>

namespace wagelink::imports {
namespace {

const FieldSpec kWorkerName{"worker_name", "劳动者姓名", "worker name", true,
                            {"投诉人姓名", "劳动者姓名", "工人姓名", "农民工姓名", "反映人姓名", "姓名", "投诉人", "反映人", "劳动者"}};
const FieldSpec kIdNumber{"id_number", "身份证号码", "ID number", false,
                          {"公民身份号码", "身份证号码", "身份证号", "证件号码", "身份证", "证件号"}};
const FieldSpec kPhone{"phone", "联系电话", "mobile", false, {"手机号码", "手机号", "联系电话", "联系方式", "手机", "电话"}};
const FieldSpec kBankCard{"bank_card", "银行卡号", "bank card", false, {"工资卡号", "银行卡号", "银行账号", "卡号"}};
const FieldSpec kOwed{"owed_yuan", "欠薪金额（元）", "amount owed (yuan)", true,
                      {"欠薪金额", "拖欠金额", "拖欠工资", "欠薪数额", "欠付金额", "应发未发", "欠款金额", "涉及金额", "金额"}};
const FieldSpec kMonths{"months_unpaid", "欠薪月数", "months unpaid", false, {"欠薪月数", "拖欠月数", "欠薪月份数", "月数"}};
const FieldSpec kPeriodFrom{"period_from", "欠薪起始月份", "unpaid from (YYYY-MM)", false,
                            {"欠薪起始月份", "欠薪起始", "拖欠起始", "起始月份", "开始月份"}};
const FieldSpec kPeriodTo{"period_to", "欠薪截止月份", "unpaid to (YYYY-MM)", false,
                          {"欠薪截止月份", "欠薪截止", "拖欠截止", "截止月份", "结束月份"}};
const FieldSpec kEmployerName{"employer_name", "用人单位名称", "employer name", true,
                              {"被投诉单位名称", "被投诉单位", "被投诉人", "被反映单位", "用人单位名称", "用人单位", "欠薪单位",
                               "单位名称", "企业名称", "单位"}};
const FieldSpec kCreditCode{"employer_credit_code", "统一社会信用代码", "unified social credit code", false,
                            {"统一社会信用代码", "社会信用代码", "信用代码", "组织机构代码"}};
const FieldSpec kEmployerKind{"employer_kind", "主体类型（单位/个人/包工头）", "employer kind (unit/individual/contractor)", false,
                              {"主体类型", "单位类型", "单位性质"}};

const std::vector<FieldSpec> kComplaintFields = {
    {"clue_no", "线索编号", "clue number", false, {"线索编号", "工单编号", "投诉编号", "受理编号", "线索号", "工单号", "编号"}},
    {"received_at", "投诉（受理）时间", "received at", true,
     {"投诉时间", "投诉日期", "受理时间", "受理日期", "登记时间", "登记日期", "来电时间", "反映时间", "时间", "日期"}},
    kEmployerName, kCreditCode, kEmployerKind,
    {"project_name", "项目名称", "project", false, {"项目名称", "工程名称", "项目"}},
    {"summary", "投诉内容", "summary", false, {"投诉内容", "反映内容", "问题描述", "情况说明", "诉求", "内容"}},
    kWorkerName, kIdNumber, kPhone, kBankCard, kOwed, kMonths, kPeriodFrom, kPeriodTo};

const std::vector<FieldSpec> kRosterFields = {kWorkerName, kIdNumber, kPhone, kBankCard, kOwed, kMonths, kPeriodFrom, kPeriodTo};

const std::vector<FieldSpec> kEmployerFields = {
    kEmployerName, kCreditCode, kEmployerKind,
    {"address", "地址", "address", false, {"注册地址", "经营地址", "单位地址", "住所", "地址"}},
    {"legal_representative", "法定代表人", "legal representative", false, {"法定代表人", "法人代表", "负责人", "法人"}}};

// A project feed names the worker as the real-name platform and the bank do.
const FieldSpec kFeedIdNumber{"id_number", "身份证号码", "ID number", true,
                              {"公民身份号码", "身份证号码", "身份证号", "证件号码", "身份证", "证件号"}};
const FieldSpec kFeedName{"name", "姓名", "name", true, {"劳动者姓名", "工人姓名", "农民工姓名", "职工姓名", "员工姓名", "姓名"}};

const std::vector<FieldSpec> kAttendanceFields = {
    kFeedIdNumber, kFeedName,
    {"days", "出勤天数", "days attended", true, {"实际出勤天数", "出勤天数", "考勤天数", "出勤", "天数"}}};

const std::vector<FieldSpec> kPayrollFields = {
    kFeedIdNumber, kFeedName,
    {"amount_yuan", "实发金额（元）", "amount paid (yuan)", true,
     {"实发工资", "实发金额", "实付金额", "发放金额", "代发金额", "工资金额", "金额"}},
    {"paid_on", "发放日期", "paid on", true, {"发放日期", "支付日期", "代发日期", "发放时间", "支付时间", "日期"}},
    {"through_special_account", "是否经专用账户代发（是/否）", "paid through the special account (yes/no)", true,
     {"是否专户代发", "是否经专用账户代发", "专户代发", "是否代发", "代发"}}};

const std::vector<FieldSpec> kAccountFields = {
    {"date", "交易日期", "date", true, {"交易日期", "记账日期", "交易时间", "入账日期", "日期"}},
    {"amount_yuan", "金额（元）", "amount (yuan)", true, {"交易金额", "发生额", "金额"}},
    {"purpose", "用途（人工费用拨付/代发工资/其他）", "purpose (labour cost / wage payment / other)", true,
     {"用途", "摘要", "交易摘要", "附言", "交易类型"}}};

// Header words without decoration: spaces, "*" required markers, and a bracketed unit such as
// "（元）" or "(yuan)".
std::string Normalised(std::string_view header) {
  std::string out;
  int depth = 0;
  for (std::size_t i = 0; i < header.size();) {
    std::string_view rest = header.substr(i);
    if (rest.starts_with("（")) {
      ++depth, i += 3;
      continue;
    }
    if (rest.starts_with("）")) {
      depth = std::max(depth - 1, 0), i += 3;
      continue;
    }
    if (rest.starts_with("\xE3\x80\x80")) {  // ideographic space
      i += 3;
      continue;
    }
    char c = header[i++];
    if (c == '(') ++depth;
    if (c == ')') depth = std::max(depth - 1, 0);
    if (depth > 0 || c == ')' || c == ' ' || c == '*' || c == '\t') continue;
    out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  return out;
}

}  // namespace

std::optional<ImportKind> ParseImportKind(std::string_view code) {
  if (code == "complaints") return ImportKind::kComplaints;
  if (code == "roster") return ImportKind::kRoster;
  if (code == "employers") return ImportKind::kEmployers;
  if (code == "attendance") return ImportKind::kAttendance;
  if (code == "payroll") return ImportKind::kPayroll;
  if (code == "account") return ImportKind::kAccount;
  return std::nullopt;
}

std::string_view ImportKindCode(ImportKind kind) {
  switch (kind) {
    case ImportKind::kComplaints: return "complaints";
    case ImportKind::kRoster: return "roster";
    case ImportKind::kEmployers: return "employers";
    case ImportKind::kAttendance: return "attendance";
    case ImportKind::kPayroll: return "payroll";
    case ImportKind::kAccount: return "account";
  }
  return "complaints";
}

std::span<const FieldSpec> FieldsOf(ImportKind kind) {
  switch (kind) {
    case ImportKind::kComplaints: return kComplaintFields;
    case ImportKind::kRoster: return kRosterFields;
    case ImportKind::kEmployers: return kEmployerFields;
    case ImportKind::kAttendance: return kAttendanceFields;
    case ImportKind::kPayroll: return kPayrollFields;
    case ImportKind::kAccount: return kAccountFields;
  }
  return kComplaintFields;
}

bool IsProjectFeed(ImportKind kind) {
  return kind == ImportKind::kAttendance || kind == ImportKind::kPayroll || kind == ImportKind::kAccount;
}

ColumnMapping ProposeMapping(ImportKind kind, const std::vector<std::string>& header) {
  // (score, column, field): every plausible pairing, best first.
  std::vector<std::tuple<std::size_t, std::size_t, std::string_view>> candidates;
  for (std::size_t column = 0; column < header.size(); ++column) {
    std::string name = Normalised(header[column]);
    if (name.empty()) continue;
    for (const auto& field : FieldsOf(kind)) {
      if (name == field.key) candidates.emplace_back(2000, column, field.key);
      for (auto synonym : field.synonyms) {
        if (name == synonym) candidates.emplace_back(1000 + synonym.size(), column, field.key);
        else if (name.find(synonym) != std::string::npos) candidates.emplace_back(synonym.size(), column, field.key);
      }
    }
  }
  std::stable_sort(candidates.begin(), candidates.end(), [](const auto& a, const auto& b) {
    return std::get<0>(a) != std::get<0>(b) ? std::get<0>(a) > std::get<0>(b) : std::get<1>(a) < std::get<1>(b);
  });
  ColumnMapping mapping;
  std::vector<bool> used(header.size(), false);
  for (const auto& [score, column, field] : candidates) {
    if (used[column] || mapping.contains(std::string(field))) continue;
    mapping[std::string(field)] = column;
    used[column] = true;
  }
  return mapping;
}

Status CheckMapping(ImportKind kind, const ColumnMapping& mapping, std::size_t columns) {
  std::vector<bool> used(columns, false);
  for (const auto& [key, column] : mapping) {
    auto fields = FieldsOf(kind);
    if (std::none_of(fields.begin(), fields.end(), [&, &key = key](const FieldSpec& f) { return f.key == key; })) {
      return InvalidField("mapping." + key, "不是此类导入的字段", "not a field of this import kind");
    }
    if (column >= columns) return InvalidField("mapping." + key, "列号超出表头范围", "column is outside the header");
    if (used[column]) return InvalidField("mapping." + key, "同一列不能对应两个字段", "a column may map to one field only");
    used[column] = true;
  }
  for (const auto& field : FieldsOf(kind)) {
    if (field.required && !mapping.contains(std::string(field.key))) {
      return InvalidField("mapping." + std::string(field.key), "必填字段「" + std::string(field.label_zh) + "」没有对应的列",
                          "required field '" + std::string(field.label_en) + "' has no column");
    }
  }
  return Ok{};
}

}  // namespace wagelink::imports
