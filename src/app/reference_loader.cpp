#include "app/reference_loader.h"

#include "domain/evidence_kinds.h"

#include <algorithm>
#include <boost/json/parse.hpp>
#include <filesystem>

#include "app/commands.h"
#include "domain/reveal_purpose.h"
#include "domain/statutory_holidays.h"

namespace wagelink::app {
namespace {

Error Missing(const std::string& path) {
  return MakeError(ErrorCode::kNotFound, "找不到法律参考数据文件：" + path, "legal reference data file not found: " + path,
                   "paths.data_dir");
}

Error InFile(const std::string& path, const Error& error) {
  return MakeError(error.code, path + "：" + error.message_zh, path + ": " + error.message_en, "paths.data_dir");
}

}  // namespace

Result<std::shared_ptr<const services::ReferenceData>> LoadReferenceData(const std::string& data_dir) {
  auto data = std::make_shared<services::ReferenceData>();
  const std::string limits_path = data_dir + "/time_limits.json";
  const std::string thresholds_path = data_dir + "/thresholds.json";
  auto limits_text = ReadTextFile(limits_path);
  if (!limits_text) return Missing(limits_path);
  auto limits = domain::TimeLimitCatalog::Parse(*limits_text);
  if (!limits) return InFile(limits_path, limits.error());
  auto thresholds_text = ReadTextFile(thresholds_path);
  if (!thresholds_text) return Missing(thresholds_path);
  auto thresholds = domain::ThresholdCatalog::Parse(*thresholds_text);
  if (!thresholds) return InFile(thresholds_path, thresholds.error());

  std::vector<std::string> calendar_files;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(data_dir + "/calendar", ec)) {
    auto name = entry.path().filename().string();
    if (name.starts_with("cn-") && name.ends_with(".json")) calendar_files.push_back(entry.path().string());
  }
  if (calendar_files.empty()) return Missing(data_dir + "/calendar/cn-YYYY.json");
  std::sort(calendar_files.begin(), calendar_files.end());
  std::vector<domain::CalendarYear> years;
  for (const auto& path : calendar_files) {
    auto text = ReadTextFile(path);
    if (!text) return Missing(path);
    auto year = domain::ParseCalendarYear(*text, path);
    if (!year) return InFile(path, year.error());
    years.push_back(std::move(year.value()));
    data->calendar_json.push_back(std::move(*text));
  }
  const std::string statutory_path = data_dir + "/calendar/statutory_dates.json";
  auto statutory_text = ReadTextFile(statutory_path);
  if (!statutory_text) return Missing(statutory_path);
  auto statutory = domain::StatutoryHolidayTable::Parse(*statutory_text, statutory_path);
  if (!statutory) return InFile(statutory_path, statutory.error());
  // No entered notices here: the database adds them at run time (services/calendar_service.h).
  auto calendar = domain::ComposeCalendar({}, years, *statutory);
  if (!calendar) return InFile(data_dir + "/calendar", calendar.error());

  const std::string package_path = data_dir + "/transfer_package.json";
  auto package_text = ReadTextFile(package_path);
  if (!package_text) return Missing(package_path);
  try {
    const boost::json::value package = boost::json::parse(*package_text);  // must outlive the loop
    for (const auto& item : package.at("items").as_array()) {
      const auto& o = item.as_object();
      services::PackageItem parsed{std::string(o.at("id").as_string()), std::string(o.at("zh").as_string()),
                                   std::string(o.at("en").as_string()), std::string(o.at("basis").as_string()),
                                   std::string(o.at("status").as_string()), o.at("required").as_bool()};
      const std::string source(o.at("source").as_string());
      if (source != "files" && source != "generated_document") throw std::invalid_argument("source must be files or generated_document");
      parsed.generated_document = source == "generated_document";
      for (const auto& kind : o.at("kinds").as_array()) {
        if (!domain::FindEvidenceKind(domain::EvidenceOwner::kCase, kind.as_string())) throw std::invalid_argument("unknown evidence kind in " + parsed.id);
        parsed.kinds.emplace_back(kind.as_string());
      }
      if (auto document = o.if_contains("document")) parsed.document_kind = std::string(document->as_string());
      data->transfer_package.push_back(std::move(parsed));
    }
  } catch (const std::exception& e) {
    return InFile(package_path, MakeError(ErrorCode::kValidationFailed, std::string("格式错误：") + e.what(),
                                          std::string("malformed: ") + e.what()));
  }
  const std::string green_path = data_dir + "/green_channel.json";
  auto green_text = ReadTextFile(green_path);
  if (!green_text) return Missing(green_path);
  auto green = domain::ParseGreenChannelTargets(*green_text);
  if (!green) return InFile(green_path, green.error());
  data->green_channel = std::move(green.value());
  const std::string reasons_path = data_dir + "/reveal_reasons.json";
  auto reasons_text = ReadTextFile(reasons_path);
  if (!reasons_text) return Missing(reasons_path);
  auto reasons = domain::ParseRevealReasons(*reasons_text);
  if (!reasons) return InFile(reasons_path, reasons.error());
  data->reveal_reasons = std::move(reasons.value());
  data->calendar = std::move(calendar.value());
  data->calendar_files = std::move(years);
  data->statutory_holidays = std::move(statutory.value());
  data->time_limits = std::move(limits.value());
  data->thresholds = std::move(thresholds.value());
  data->time_limits_json = std::move(*limits_text);
  data->thresholds_json = std::move(*thresholds_text);
  return std::shared_ptr<const services::ReferenceData>(std::move(data));
}

}  // namespace wagelink::app
