#include "domain/threshold_profile.h"

#include <algorithm>

#include "domain/json_fields.h"

namespace wagelink::domain {
namespace {

constexpr std::string_view kSchema = "wagelink.thresholds/1";
constexpr std::size_t kMaxProfiles = 128;
// Sanity bound for figures in data and overrides (10^9 yuan), far above the national range.
constexpr std::int64_t kMaxYuan = 1'000'000'000;

Result<std::optional<Fen>> OptionalYuan(const JsonFields& fields, std::string_view key) {
  auto yuan = fields.OptionalInteger(key, 1, kMaxYuan);
  if (!yuan) return yuan.error();
  if (!*yuan) return std::optional<Fen>();
  auto fen = Fen::FromYuan(**yuan, fields.PathOf(key));
  if (!fen) return fen.error();
  return std::optional<Fen>(*fen);
}

Result<std::string> OptionalText(const JsonFields& fields, std::string_view key) {
  auto text = fields.OptionalString(key);
  if (!text) return text.error();
  return text->value_or("");
}

Result<ThresholdProfile> ParseProfile(const boost::json::value& value, const std::string& path) {
  auto object = AsObject(value, path);
  if (!object) return object.error();
  const JsonFields fields(**object, path);
  if (auto ok =
          fields.OnlyKeys({"id", "name_zh", "name_en", "per_worker_yuan", "aggregate_yuan", "min_workers_aggregate",
                           "min_months_per_worker", "effective", "document", "source_url", "status", "note"});
      !ok) {
    return ok.error();
  }
  ThresholdProfile profile;
  auto id = fields.String("id");
  if (!id) return id.error();
  auto name_zh = fields.String("name_zh");
  if (!name_zh) return name_zh.error();
  auto name_en = fields.String("name_en");
  if (!name_en) return name_en.error();
  profile.id = std::move(id).value();
  profile.name_zh = std::move(name_zh).value();
  profile.name_en = std::move(name_en).value();
  for (const std::string_view key : {"per_worker_yuan", "aggregate_yuan"}) {
    if (!fields.Has(key))
      return FieldError(fields.PathOf(key), "为必填项（未知时为 null）", "is required (null when unknown)");
  }
  auto per_worker = OptionalYuan(fields, "per_worker_yuan");
  if (!per_worker) return per_worker.error();
  auto aggregate = OptionalYuan(fields, "aggregate_yuan");
  if (!aggregate) return aggregate.error();
  profile.per_worker = *per_worker;
  profile.aggregate = *aggregate;
  if (profile.per_worker.has_value() != profile.aggregate.has_value()) {
    return FieldError(path, "两项数额须同时配置或同时为 null", "must set both figures or neither");
  }
  profile.configured = profile.per_worker.has_value();

  auto min_workers = fields.Integer("min_workers_aggregate", 1, 1000);
  if (!min_workers) return min_workers.error();
  auto min_months = fields.Integer("min_months_per_worker", 1, 120);
  if (!min_months) return min_months.error();
  profile.min_workers_aggregate = static_cast<int>(*min_workers);
  profile.min_months_per_worker = static_cast<int>(*min_months);

  auto effective = fields.OptionalString("effective");
  if (!effective) return effective.error();
  if (*effective) {
    auto date = CivilDate::ParseIso(**effective, fields.PathOf("effective"));
    if (!date) return date.error();
    profile.effective = date->ToIso();
  }
  auto document = OptionalText(fields, "document");
  if (!document) return document.error();
  auto source_url = OptionalText(fields, "source_url");
  if (!source_url) return source_url.error();
  auto note = OptionalText(fields, "note");
  if (!note) return note.error();
  profile.document = std::move(document).value();
  profile.source_url = std::move(source_url).value();
  profile.note = std::move(note).value();

  auto status_name = fields.String("status");
  if (!status_name) return status_name.error();
  const auto status = ParseSourceStatus(*status_name);
  if (!status || *status == SourceStatus::kPlatformSetting) {
    return FieldError(fields.PathOf("status"), "不是适用的状态标签", "is not an applicable status tag");
  }
  profile.status = *status;
  if (!profile.configured && profile.status != SourceStatus::kUnconfirmed) {
    return FieldError(fields.PathOf("status"), "未配置数额的档案必须标注 UNCONFIRMED",
                      "a profile without figures must be UNCONFIRMED");
  }
  return profile;
}

// Every configured figure must sit inside the national range (法释〔2013〕3号 §3).
Status CheckWithinNationalRange(const ThresholdCatalog& catalog, const ThresholdProfile& profile) {
  const ThresholdProfile* low = catalog.Find(ThresholdCatalog::kNationalMin);
  const ThresholdProfile* high = catalog.Find(ThresholdCatalog::kNationalMax);
  if (low == nullptr || high == nullptr || !low->configured || !high->configured) {
    return FieldError("profiles", "缺少已配置的 national-min 与 national-max 档案",
                      "must contain configured national-min and national-max profiles");
  }
  if (!profile.configured) return Ok{};
  const bool inside = *low->per_worker <= *profile.per_worker && *profile.per_worker <= *high->per_worker &&
                      *low->aggregate <= *profile.aggregate && *profile.aggregate <= *high->aggregate;
  if (!inside) {
    return FieldError(profile.id,
                      "数额不在法释〔2013〕3号§3规定的全国幅度内（" + low->per_worker->ToYuanGrouped() + "–" +
                          high->per_worker->ToYuanGrouped() + " / " + low->aggregate->ToYuanGrouped() + "–" +
                          high->aggregate->ToYuanGrouped() + " 元）",
                      "figures lie outside the national range of 法释〔2013〕3号 §3");
  }
  if (profile.min_workers_aggregate != low->min_workers_aggregate ||
      profile.min_months_per_worker != low->min_months_per_worker) {
    return FieldError(profile.id, "人数、月数条件应与法释§3一致", "worker and month conditions must follow 法释 §3");
  }
  return Ok{};
}

}  // namespace

Result<ThresholdCatalog> ThresholdCatalog::Parse(std::string_view json_text) {
  auto value = ParseJsonText(json_text, "thresholds.json");
  if (!value) return value.error();
  auto root = AsObject(*value, "");
  if (!root) return root.error();
  const JsonFields fields(**root, "");
  if (auto ok = fields.OnlyKeys({"schema", "source", "rule", "amount_unit", "profiles"}); !ok) return ok.error();
  auto schema = fields.String("schema");
  if (!schema) return schema.error();
  if (*schema != kSchema) return FieldError("schema", "版本不受支持", "is not a supported version");
  auto unit = fields.String("amount_unit");
  if (!unit) return unit.error();
  if (*unit != "yuan") return FieldError("amount_unit", "应为 yuan", "must be yuan");
  auto profiles = fields.Array("profiles", kMaxProfiles);
  if (!profiles) return profiles.error();

  ThresholdCatalog catalog;
  for (std::size_t i = 0; i < (*profiles)->size(); ++i) {
    auto profile = ParseProfile((**profiles)[i], ElementPath("profiles", i));
    if (!profile) return profile.error();
    if (catalog.Find(profile->id) != nullptr) {
      return FieldError(ElementPath("profiles", i) + ".id", "重复：" + profile->id, "is a duplicate: " + profile->id);
    }
    catalog.profiles_.push_back(std::move(profile).value());
  }
  // The national bounds come first: every other profile is checked against them.
  const ThresholdProfile* low = catalog.Find(kNationalMin);
  const ThresholdProfile* high = catalog.Find(kNationalMax);
  if (low == nullptr || high == nullptr || !low->configured || !high->configured ||
      *low->per_worker > *high->per_worker || *low->aggregate > *high->aggregate) {
    return FieldError("profiles", "须包含已配置且上下限有序的 national-min 与 national-max 档案",
                      "must contain configured, ordered national-min and national-max profiles");
  }
  for (const auto& profile : catalog.profiles_) {
    if (auto ok = CheckWithinNationalRange(catalog, profile); !ok) return ok.error();
  }
  const NationalRange range{*low->per_worker, *high->per_worker, *low->aggregate, *high->aggregate};
  for (auto& profile : catalog.profiles_) profile.national = range;
  return catalog;
}

Result<ThresholdCatalog> ThresholdCatalog::WithOverrides(std::string_view overrides_json) const {
  auto value = ParseJsonText(overrides_json, "threshold overrides");
  if (!value) return value.error();
  auto root = AsObject(*value, "");
  if (!root) return root.error();
  ThresholdCatalog copy = *this;
  for (const auto& entry : **root) {
    const std::string id(entry.key());
    auto it = std::find_if(copy.profiles_.begin(), copy.profiles_.end(),
                           [&](const ThresholdProfile& profile) { return profile.id == id; });
    if (it == copy.profiles_.end())
      return FieldError(TruncateUtf8(id, kEchoedKeyBytes), "不是已知的数额档案", "is not a known profile");
    if (id == kNationalMin || id == kNationalMax) {
      return FieldError(id, "全国幅度由法释〔2013〕3号§3规定，不可修改",
                        "the national range is set by law and cannot be changed");
    }
    auto object = AsObject(entry.value(), id);
    if (!object) return object.error();
    const JsonFields fields(**object, id);
    if (auto ok = fields.OnlyKeys({"per_worker_yuan", "aggregate_yuan", "effective", "document", "source_url"}); !ok) {
      return ok.error();
    }
    auto per_worker = fields.Integer("per_worker_yuan", 1, kMaxYuan);
    if (!per_worker) return per_worker.error();
    auto aggregate = fields.Integer("aggregate_yuan", 1, kMaxYuan);
    if (!aggregate) return aggregate.error();
    auto document = fields.String("document");
    if (!document) return document.error();
    auto source_url = OptionalText(fields, "source_url");
    if (!source_url) return source_url.error();
    auto effective = fields.OptionalString("effective");
    if (!effective) return effective.error();
    if (*effective) {
      auto date = CivilDate::ParseIso(**effective, fields.PathOf("effective"));
      if (!date) return date.error();
      it->effective = date->ToIso();
    }
    it->per_worker = Fen::FromYuan(*per_worker).value();
    it->aggregate = Fen::FromYuan(*aggregate).value();
    it->configured = true;
    it->document = std::move(document).value();
    it->source_url = std::move(source_url).value();
    it->status = SourceStatus::kLocal;
    it->note =
        "运营方配置的数额（覆盖 data/thresholds.json）。 / Figures configured by the operator (override of "
        "data/thresholds.json).";
    if (auto ok = CheckWithinNationalRange(copy, *it); !ok) return ok.error();
  }
  return copy;
}

const ThresholdProfile* ThresholdCatalog::Find(std::string_view id) const {
  for (const auto& profile : profiles_) {
    if (profile.id == id) return &profile;
  }
  return nullptr;
}

}  // namespace wagelink::domain
