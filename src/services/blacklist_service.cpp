#include "services/blacklist_service.h"

#include "services/calendar_service.h"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <fmt/format.h>

#include "domain/assessment_json.h"
#include "domain/validators.h"
#include "services/case_reading.h"
#include "services/case_scope.h"
#include "store/case_repository.h"

namespace wagelink::services {
namespace {
using security::Permission;

std::optional<std::string> IsoOf(const std::optional<domain::CivilDate>& d) {
  return d ? std::optional(d->ToIso()) : std::nullopt;
}
std::optional<domain::CivilDate> DateOf(const std::optional<std::string>& s) {
  if (!s) return std::nullopt;
  auto d = domain::CivilDate::ParseIso(*s);
  return d ? std::optional(*d) : std::nullopt;
}

boost::json::object Snapshot(const store::BlacklistRow& r) {
  return {{"listing_no", r.listing_no}, {"case_id", r.case_id},       {"employer_id", r.employer_id},
          {"status", r.status},         {"criterion", r.criterion.value_or("")},
          {"eligibility_flagged", r.eligibility_flagged},
          {"notice_served_on", r.notice_served_on.value_or("")}, {"defence_due_on", r.defence_due_on.value_or("")},
          {"decided_on", r.decided_on.value_or("")}, {"listed_on", r.listed_on.value_or("")},
          {"ends_on", r.ends_on.value_or("")}, {"persons", r.persons.size()}};
}

Error NotFound() { return MakeError(ErrorCode::kNotFound, "名单记录不存在", "no such listing"); }

// The case assessment's blacklist finding, as the case's own assessment made it (never recomputed here).
domain::EligibilityFinding FindingOf(const CaseDetail& detail) {
  domain::EligibilityFinding out;
  if (!detail.assessment) return out;
  const domain::BlacklistFinding& finding = detail.assessment->blacklist;
  out.present = true;
  out.eligible = finding.eligible;
  if (!finding.criterion.empty()) out.criterion = finding.criterion;
  out.explain_zh = finding.explain_zh;
  out.explain_en = finding.explain_en;
  return out;
}

ListingView ListingViewOf(const store::BlacklistRow& r) {
  return {.id = r.id,
          .listing_no = r.listing_no,
          .case_id = r.case_id,
          .employer_id = r.employer_id,
          .employer_name = r.employer_name,
          .credit_code = r.credit_code,
          .address = r.address,
          .persons = r.persons,
          .grounds = r.grounds,
          .eligibility = r.eligibility,
          .criterion = r.criterion,
          .eligibility_flagged = r.eligibility_flagged,
          .eligibility_reason = r.eligibility_reason,
          .status = r.status,
          .proposed_on = r.proposed_on,
          .notice_served_on = r.notice_served_on,
          .defence_due_on = r.defence_due_on,
          .defence_period_days = r.defence_period_days,
          .defence_uncertain = r.defence_uncertain,
          .defence_received = r.defence_received,
          .defence_received_on = r.defence_received_on,
          .decided_on = r.decided_on,
          .decision_reason = r.decision_reason,
          .listed_on = r.listed_on,
          .ends_on = r.ends_on,
          .paid_in_full_on = r.paid_in_full_on,
          .closed_on = r.closed_on,
          .proposed_by_body = r.proposed_by_body,
          .version = r.version};
}

}  // namespace

std::string PersonsJson(const std::vector<domain::ResponsiblePerson>& persons) {
  boost::json::array out;
  for (const auto& p : persons) {
    out.push_back({{"role", domain::ResponsiblePersonRoleCode(p.role)},
                   {"role_zh", domain::ResponsiblePersonRoleZh(p.role)},
                   {"name", p.name}});
  }
  return boost::json::serialize(out);
}

domain::ListingFacts FactsOf(const store::BlacklistRow& r) {
  domain::ListingFacts f;
  f.status = domain::ParseListingStatus(r.status).value_or(domain::ListingStatus::kProposed);
  f.proposed_on = DateOf(r.proposed_on);
  f.notice_served_on = DateOf(r.notice_served_on);
  f.defence_period_days = static_cast<int>(r.defence_period_days.value_or(0));
  f.defence_received_on = DateOf(r.defence_received_on);
  f.decided_on = DateOf(r.decided_on);
  f.defence_due_on = DateOf(r.defence_due_on);
  f.defence_uncertain = r.defence_uncertain;
  f.defence_received = r.defence_received;
  f.listed_on = DateOf(r.listed_on);
  f.ends_on = DateOf(r.ends_on);
  f.paid_in_full_on = DateOf(r.paid_in_full_on);
  f.closed_on = DateOf(r.closed_on);
  return f;
}

bool SeesPendingListings(const Principal& who) {
  return who.Can(Permission::kBlacklistPropose) || who.Can(Permission::kBlacklistDecide);
}

domain::CivilDate BlacklistService::Today() const {
  return domain::ShanghaiDate(domain::Instant::FromUnixSeconds(clock_.Now()));
}

domain::ExposureRules BlacklistService::rules() {
  auto connection = db_.Acquire();
  return settings_.Effective(*connection);
}

ListingDetail BlacklistService::Load(store::Connection& c, const domain::ExposureRules& rules, std::int64_t id) const {
  store::ExposureRepository repo(c);
  const store::BlacklistRow row = *repo.FindListing(id);
  ListingDetail d;
  d.listing = ListingViewOf(row);
  const auto facts = FactsOf(row);
  d.effective = domain::EffectiveStatus(facts, Today());
  if (facts.paid_in_full_on) d.earliest_early_removal = domain::EarliestEarlyRemoval(rules, *facts.paid_in_full_on);
  for (const auto& h : repo.ListHistory(id)) {
    d.history.push_back({h.at, h.action, h.actor_username, h.actor_body, h.from_status, h.to_status, h.note});
  }
  return d;
}

Result<ListingDetail> BlacklistService::Propose(const Principal& who, const ListingProposal& in) {
  if (!who.Can(Permission::kBlacklistPropose)) return Forbidden(Permission::kBlacklistPropose);
  if (auto ok = domain::ValidateResponsiblePersons(in.persons); !ok) return ok.error();
  if (auto ok = domain::ValidateText("grounds", in.grounds, 8000, true); !ok) return ok.error();
  const domain::CivilDate today = Today();
  if (in.proposed_on && *in.proposed_on > today) return InvalidField("proposed_on", "不能晚于今天", "cannot be in the future");
  auto detail = cases_.Get(who, in.case_id);
  if (!detail) {
    if (detail.error().code == ErrorCode::kNotFound) return InvalidField("case_id", "案件不存在或无权查看", "no such case visible to you");
    return detail.error();
  }
  // The case's own assessment decides eligibility (45号令 §5, domain/crime_assessment): no override.
  const domain::EligibilityFinding finding = FindingOf(*detail);
  const auto now_rules = rules();
  if (in.eligibility_reason.size() > 4000) return InvalidField("eligibility_reason", "过长", "too long");
  auto criterion = domain::CheckListingEligibility(now_rules, finding, {in.criterion, in.eligibility_reason});
  if (!criterion) return criterion.error();
  const UnixSeconds now_s = clock_.Now();
  const std::string now = FormatUtc(now_s);
  auto connection = db_.Acquire();
  store::Transaction tx(*connection);
  store::ExposureRepository repo(*connection);
  if (auto open = repo.OpenListingOfCase(in.case_id)) {
    return MakeError(ErrorCode::kConflict, "该案件已有进行中或有效的名单记录（" + std::to_string(*open) + "）",
                     "the case already has an open listing (" + std::to_string(*open) + ")", "case_id");
  }
  store::BlacklistRow row;
  const auto& employer = detail->employer;
  row.case_id = in.case_id;
  row.employer_id = employer.id;
  row.employer_name = employer.name;
  row.credit_code = employer.credit_code;
  row.address = employer.address;
  row.persons = PersonsJson(in.persons);
  row.grounds = in.grounds;
  row.eligibility = boost::json::serialize(domain::BlacklistFindingToJson(detail->assessment->blacklist));
  row.criterion = *criterion;
  row.eligibility_flagged = !finding.eligible.has_value();
  row.eligibility_reason = in.eligibility_reason;
  row.status = "proposed";
  row.proposed_on = in.proposed_on.value_or(today).ToIso();
  row.proposed_by_body = who.body_code;
  row.created_at = row.updated_at = now;
  const int year = today.year();
  row.listing_no = fmt::format("SX-{}-{:04d}", year, store::CaseRepository(*connection).NextSequence("blacklist", year));
  row.id = repo.InsertListing(row);
  repo.InsertHistory({0, row.id, now, "propose", who.username, who.body_code, "", "proposed", in.eligibility_reason});
  audit_.Append(*connection, who, "blacklist.propose", {"blacklist", std::to_string(row.id)}, nullptr, Snapshot(row));
  auto out = Load(*connection, now_rules, row.id);
  tx.Commit();
  return out;
}

Result<Page<ListingDetail>> BlacklistService::List(const Principal& who, const ListingQuery& query,
                                                   std::int64_t limit, std::int64_t offset) {
  store::BlacklistFilter filter;
  filter.text = query.text.substr(0, 200);
  filter.status = query.status.substr(0, 40);
  auto scope = CaseScopeOf(who);
  if (!scope) return scope.error();
  if (!filter.status.empty() && (!domain::ParseListingStatus(filter.status) || filter.status == "expired" ||
                                  filter.status == "awaiting_decision")) {
    return InvalidField("status", "状态不存在", "unknown status");
  }
  store::BlacklistFilter scoped = filter;
  scoped.listed_only = !SeesPendingListings(who);
  scoped.scope = *scope;
  auto connection = db_.Acquire();
  const auto now_rules = settings_.Effective(*connection);
  store::ExposureRepository repo(*connection);
  Page<ListingDetail> page;
  for (const auto& row : repo.ListListings(scoped, limit, offset)) page.items.push_back(Load(*connection, now_rules, row.id));
  page.total = repo.CountListings(scoped);
  return page;
}

Result<ListingDetail> BlacklistService::Get(const Principal& who, std::int64_t id) {
  auto scope = CaseScopeOf(who);
  if (!scope) return scope.error();
  auto connection = db_.Acquire();
  auto row = store::ExposureRepository(*connection).FindListing(id);
  if (!row || (!row->listed_on && !SeesPendingListings(who)) || !SeesCase(*connection, *scope, row->case_id)) {
    return NotFound();
  }
  return Load(*connection, settings_.Effective(*connection), id);
}

Result<ListingDetail> BlacklistService::Act(const Principal& who, std::int64_t id, const ListingActionRequest& in) {
  const Permission needed = domain::IsDecision(in.action) ? Permission::kBlacklistDecide : Permission::kBlacklistPropose;
  if (!who.Can(needed)) return Forbidden(needed);
  if (in.note.size() > 8000) return InvalidField("note", "过长", "too long");
  if (in.action == domain::ListingAction::kCorrect) {
    if (!in.persons && !in.grounds && !in.address) {
      return InvalidField("persons", "更正须至少提供一项更正内容", "a correction needs persons, grounds or address");
    }
    if (in.persons) {
      if (auto ok = domain::ValidateResponsiblePersons(*in.persons); !ok) return ok.error();
    }
    if (in.grounds) {
      if (auto ok = domain::ValidateText("grounds", *in.grounds, 8000, true); !ok) return ok.error();
    }
    if (in.address && in.address->size() > 400) return InvalidField("address", "过长", "too long");
  }
  auto connection = db_.Acquire();
  store::Transaction tx(*connection);
  store::ExposureRepository repo(*connection);
  auto row = repo.FindListing(id);
  if (!row) return NotFound();
  const auto before = *row;
  const domain::CivilDate today = Today();
  const auto now_rules = settings_.Effective(*connection);
  domain::ListingActionInput step{in.action, today, in.on, in.note};
  step.paid_in_full_on = in.paid_in_full_on;
  step.undertaking = in.undertaking;
  // The calendar in force, with the holiday notices entered since the data files were written.
  const auto calendar = case_rules_.Current(*connection)->calendar;
  auto next = domain::ApplyListingAction(now_rules, *calendar, FactsOf(*row), step);
  if (!next) return next.error();
  row->status = std::string(domain::ListingStatusCode(next->status));
  row->notice_served_on = IsoOf(next->notice_served_on);
  row->defence_due_on = IsoOf(next->defence_due_on);
  row->defence_uncertain = next->defence_uncertain;
  row->defence_received = next->defence_received;
  row->listed_on = IsoOf(next->listed_on);
  row->ends_on = IsoOf(next->ends_on);
  row->paid_in_full_on = IsoOf(next->paid_in_full_on);
  row->closed_on = IsoOf(next->closed_on);
  if (next->defence_period_days > 0) row->defence_period_days = next->defence_period_days;
  row->defence_received_on = IsoOf(next->defence_received_on);
  row->decided_on = IsoOf(next->decided_on);
  if (in.action == domain::ListingAction::kDecideList || in.action == domain::ListingAction::kDecideNotList) {
    row->decision_reason = in.note;
  }
  if (in.persons) row->persons = PersonsJson(*in.persons);
  if (in.grounds) row->grounds = *in.grounds;
  if (in.address) row->address = *in.address;
  const std::string now = FormatUtc(clock_.Now());
  row->updated_at = now;
  if (!repo.UpdateListing(*row, before.version)) {
    return MakeError(ErrorCode::kConflict, "名单记录已被他人修改，请刷新", "the listing was changed by someone else; reload it");
  }
  const std::string action(domain::ListingActionCode(in.action));
  repo.InsertHistory({0, id, now, action, who.username, who.body_code, before.status, row->status, in.note});
  audit_.Append(*connection, who, "blacklist." + action, {"blacklist", std::to_string(id)}, Snapshot(before),
                Snapshot(*row));
  auto out = Load(*connection, now_rules, id);
  tx.Commit();
  return out;
}

}  // namespace wagelink::services
