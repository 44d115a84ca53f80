#include "domain/exposure_rules.h"

#include "domain/json_fields.h"

namespace wagelink::domain {
namespace {

// `return` the error of a failed Result from the enclosing function, else bind its value.
#define WL_TRY(var, expr)              \
  auto var##_result = (expr);          \
  if (!var##_result) return var##_result.error(); \
  auto& var = *var##_result

Result<ExposureTerm> ReadTerm(const JsonFields& parent, std::string_view key, int max) {
  WL_TRY(object, parent.Object(key));
  JsonFields fields(*object, parent.PathOf(key));
  if (auto ok = fields.OnlyKeys({"value", "status", "citation"}); !ok) return ok.error();
  WL_TRY(value, fields.Integer("value", 1, max));
  WL_TRY(status_name, fields.String("status"));
  WL_TRY(citation, fields.String("citation"));
  auto status = ParseSourceStatus(status_name);
  if (!status) return FieldError(fields.PathOf("status"), "未知的依据状态", "unknown status tag");
  if (citation.empty()) return FieldError(fields.PathOf("citation"), "不能为空", "is required");
  return ExposureTerm{static_cast<int>(value), *status, citation};
}

}  // namespace

const PublicationCategory* ExposureRules::FindCategory(std::string_view code) const {
  for (const auto& c : categories) {
    if (c.code == code) return &c;
  }
  return nullptr;
}

const ListingCriterion* ExposureRules::FindCriterion(std::string_view code) const {
  for (const auto& c : criteria) {
    if (c.code == code) return &c;
  }
  return nullptr;
}

Result<ExposureRules> ParseExposureRules(std::string_view json_text, std::string_view source_name) {
  WL_TRY(doc, ParseJsonText(json_text, source_name));
  WL_TRY(root_object, AsObject(doc, ""));
  JsonFields root(*root_object, "");
  if (auto ok = root.OnlyKeys({"_about", "blacklist", "publication"}); !ok) return ok.error();
  WL_TRY(blacklist_object, root.Object("blacklist"));
  JsonFields blacklist(*blacklist_object, "blacklist");
  if (auto ok = blacklist.OnlyKeys({"listing_term_years", "early_removal_months_after_payment",
                                    "defence_period_working_days", "decision_deadline_working_days", "criteria"});
      !ok) {
    return ok.error();
  }
  ExposureRules rules;
  WL_TRY(term, ReadTerm(blacklist, "listing_term_years", 10));
  WL_TRY(removal, ReadTerm(blacklist, "early_removal_months_after_payment", 60));
  WL_TRY(defence, ReadTerm(blacklist, "defence_period_working_days", 60));
  WL_TRY(decision, ReadTerm(blacklist, "decision_deadline_working_days", 120));
  rules.listing_term_years = term;
  rules.early_removal_months_after_payment = removal;
  rules.defence_period_working_days = defence;
  rules.decision_deadline_working_days = decision;
  WL_TRY(criteria, blacklist.Array("criteria", 8));
  for (std::size_t i = 0; i < criteria->size(); ++i) {
    const std::string path = ElementPath("blacklist.criteria", i);
    WL_TRY(item, AsObject((*criteria)[i], path));
    JsonFields fields(*item, path);
    if (auto ok = fields.OnlyKeys({"code", "zh", "status", "citation"}); !ok) return ok.error();
    WL_TRY(code, fields.String("code"));
    WL_TRY(zh, fields.String("zh"));
    WL_TRY(criterion_status, fields.String("status"));
    WL_TRY(criterion_citation, fields.String("citation"));
    auto status = ParseSourceStatus(criterion_status);
    if (!status) return FieldError(fields.PathOf("status"), "未知的依据状态", "unknown status tag");
    if (code.empty() || rules.FindCriterion(code)) return FieldError(fields.PathOf("code"), "为空或重复", "empty or repeated");
    if (criterion_citation.empty()) return FieldError(fields.PathOf("citation"), "不能为空", "is required");
    rules.criteria.push_back({code, zh, *status, criterion_citation});
  }
  for (std::string_view required : {"amount", "mass_incident"}) {
    if (!rules.FindCriterion(required)) {
      return FieldError("blacklist.criteria", "须列明第五条两项情形（amount、mass_incident）",
                        "must list both criteria of §5 (amount, mass_incident)");
    }
  }

  WL_TRY(publication_object, root.Object("publication"));
  JsonFields publication(*publication_object, "publication");
  if (auto ok = publication.OnlyKeys({"citation", "status", "frequency", "categories"}); !ok) return ok.error();
  WL_TRY(citation, publication.String("citation"));
  WL_TRY(frequency, publication.String("frequency"));
  WL_TRY(status_name, publication.String("status"));
  if (!ParseSourceStatus(status_name)) return FieldError("publication.status", "未知的依据状态", "unknown status tag");
  rules.publication_citation = citation;
  rules.publication_frequency = frequency;
  WL_TRY(categories, publication.Array("categories", 32));
  for (std::size_t i = 0; i < categories->size(); ++i) {
    const std::string path = ElementPath("publication.categories", i);
    WL_TRY(item, AsObject((*categories)[i], path));
    JsonFields fields(*item, path);
    if (auto ok = fields.OnlyKeys({"code", "zh"}); !ok) return ok.error();
    WL_TRY(code, fields.String("code"));
    WL_TRY(zh, fields.String("zh"));
    if (code.empty() || rules.FindCategory(code)) return FieldError(fields.PathOf("code"), "为空或重复", "empty or repeated");
    rules.categories.push_back({code, zh});
  }
  if (rules.categories.empty()) return FieldError("publication.categories", "不能为空", "must not be empty");
  return rules;
}

#undef WL_TRY

}  // namespace wagelink::domain
