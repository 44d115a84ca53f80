// /api/v1/meetings and /api/v1/action-items: joint meetings (联席会议), their self-built agenda,
// minutes and attendance, and decisions tracked as action items.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "api/guard.h"
#include "api/routes.h"
#include "http/json_body.h"
#include "services/meeting_service.h"

namespace wagelink::api {
namespace {

boost::json::value OptText(const std::optional<std::string>& v) {
  return v ? boost::json::value(*v) : boost::json::value(nullptr);
}
boost::json::value OptInt(const std::optional<std::int64_t>& v) {
  return v ? boost::json::value(*v) : boost::json::value(nullptr);
}

boost::json::object MeetingJson(const services::MeetingSummary& m) {
  return {{"id", m.id},         {"meeting_no", m.meeting_no}, {"kind", m.kind},   {"title", m.title},
          {"scheduled_at", m.scheduled_at}, {"location", m.location}, {"status", m.status},
          {"convener_body", m.convener_body}, {"created_at", m.created_at}};
}

boost::json::object ActionItemJson(const services::ActionItem& a) {
  return {{"id", a.id},
          {"meeting_id", a.meeting_id},
          {"decision", a.decision},
          {"owner_body", a.owner_body},
          {"due_date", a.due_date},
          {"status", a.status},
          {"evidence", OptText(a.evidence)},
          {"completed_at", OptText(a.completed_at)},
          {"completed_by_body", OptText(a.completed_by_body)},
          {"overdue_notified_at", OptText(a.overdue_notified_at)},
          {"risk_id", OptInt(a.risk_id)},
          {"risk_no", a.risk_no},
          {"case_id", OptInt(a.case_id)},
          {"created_at", a.created_at}};
}

http::Response DetailOr(const http::Request& request, const Result<services::MeetingDetail>& detail, int status = 200) {
  if (!detail) return Problem(request, detail.error());
  auto o = MeetingJson(detail->meeting);
  o["minutes"] = detail->minutes;
  boost::json::array agenda, attendance, actions;
  for (const auto& a : detail->agenda) {
    agenda.push_back({{"id", a.id}, {"position", a.position}, {"source", a.source}, {"ref_type", a.ref_type},
                      {"ref_id", OptInt(a.ref_id)}, {"title", a.title}, {"detail", a.detail}, {"added_by", a.added_by}});
  }
  for (const auto& a : detail->attendance) {
    attendance.push_back({{"body_code", a.body_code}, {"name", a.name}, {"present", a.present}});
  }
  for (const auto& a : detail->action_items) actions.push_back(ActionItemJson(a));
  o["agenda"] = std::move(agenda);
  o["attendance"] = std::move(attendance);
  o["action_items"] = std::move(actions);
  return http::Response::Json(status, o);
}

// A field reader's error re-addressed to the list entry it was read from ("attendance[2].name").
Error WithPath(Error error, const std::string& path) {
  const std::string field = path + "." + error.field;
  auto readdress = [&](std::string& message) {
    if (message.starts_with(error.field)) message.replace(0, error.field.size(), field);
  };
  readdress(error.message_zh);
  readdress(error.message_en);
  error.field = field;
  return error;
}

}  // namespace

void RegisterMeetingRoutes(http::Router& router, const ApiContext& context) {
  router.Add("POST", "/api/v1/meetings", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto body = http::ParseJsonObject(request, {"kind", "title", "scheduled_at", "location"});
    if (!body) return Problem(request, body.error());
    services::MeetingInput in;
    for (auto [field, out] : {std::pair{"kind", &in.kind}, std::pair{"title", &in.title},
                              std::pair{"scheduled_at", &in.scheduled_at}}) {
      auto value = http::RequiredString(*body, field, 200);
      if (!value) return Problem(request, value.error());
      *out = *value;
    }
    auto location = http::OptionalString(*body, "location", 200);
    if (!location) return Problem(request, location.error());
    in.location = location->value_or("");
    return DetailOr(request, context.meetings->Create(who, in), 201);
  }, {.permission = security::Permission::kMeetingManage}));

  router.Add("GET", "/api/v1/meetings", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto page = http::ReadPage(request);
    if (!page) return Problem(request, page.error());
    auto meetings = context.meetings->List(who, page->page_size, page->offset());
    if (!meetings) return Problem(request, meetings.error());
    boost::json::array items;
    for (const auto& m : *meetings) items.push_back(MeetingJson(m));
    return http::Response::Json(200, boost::json::object{{"items", items}, {"page", page->page}, {"page_size", page->page_size}});
  }), {.query = {"page", "page_size"}});

  router.Add("GET", "/api/v1/meetings/{id}", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto id = PathId(request);
    if (!id) return Problem(request, id.error());
    return DetailOr(request, context.meetings->Get(who, *id));
  }));

  router.Add("POST", "/api/v1/meetings/{id}/agenda", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto id = PathId(request);
    if (!id) return Problem(request, id.error());
    auto body = http::ParseJsonObject(request, {"title", "detail"});
    if (!body) return Problem(request, body.error());
    auto title = http::RequiredString(*body, "title", 200);
    if (!title) return Problem(request, title.error());
    auto detail = http::OptionalString(*body, "detail", 4000);
    if (!detail) return Problem(request, detail.error());
    return DetailOr(request, context.meetings->AddAgendaItem(who, *id, *title, detail->value_or("")), 201);
  }, {.permission = security::Permission::kMeetingManage}));

  router.Add("DELETE", "/api/v1/meetings/{id}/agenda/{item_id}", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto id = PathId(request);
    if (!id) return Problem(request, id.error());
    auto item = PathId(request, "item_id");
    if (!item) return Problem(request, item.error());
    return DetailOr(request, context.meetings->RemoveAgendaItem(who, *id, *item));
  }, {.permission = security::Permission::kMeetingManage}));

  router.Add("PUT", "/api/v1/meetings/{id}/minutes", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto id = PathId(request);
    if (!id) return Problem(request, id.error());
    auto body = http::ParseJsonObject(request, {"minutes", "attendance"});
    if (!body) return Problem(request, body.error());
    auto minutes = http::RequiredString(*body, "minutes", 20000);
    if (!minutes) return Problem(request, minutes.error());
    std::vector<services::AttendanceInput> attendance;
    if (const auto* list = body->if_contains("attendance"); list && !list->is_null()) {
      if (!list->is_array() || list->get_array().size() > 100) {
        return Problem(request, MakeError(ErrorCode::kValidationFailed, "attendance：应为不超过 100 项的数组",
                                          "attendance: must be an array of at most 100 entries", "attendance"));
      }
      for (std::size_t i = 0; i < list->get_array().size(); ++i) {
        const std::string path = "attendance[" + std::to_string(i) + "]";
        const auto& entry = list->get_array()[i];
        if (!entry.is_object()) {
          return Problem(request, MakeError(ErrorCode::kValidationFailed, path + "：应为对象", path + ": must be an object", path));
        }
        // A wrong type or an overlong name is refused, never cut or dropped from the minutes.
        const auto& o = entry.get_object();
        if (auto known = http::OnlyKnownKeys(o, {"body_code", "name", "present"}, path); !known) {
          return Problem(request, known.error());
        }
        auto body_code = http::StringOr(o, "body_code", 40);
        if (!body_code) return Problem(request, WithPath(body_code.error(), path));
        auto name = http::StringOr(o, "name", 200);
        if (!name) return Problem(request, WithPath(name.error(), path));
        auto present = http::OptionalBool(o, "present");
        if (!present) return Problem(request, WithPath(present.error(), path));
        attendance.push_back({.body_code = *body_code, .name = *name, .present = present->value_or(true)});
      }
    }
    return DetailOr(request, context.meetings->RecordMinutes(who, *id, *minutes, attendance));
  }, {.permission = security::Permission::kMeetingManage}));

  router.Add("POST", "/api/v1/meetings/{id}/decisions", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto id = PathId(request);
    if (!id) return Problem(request, id.error());
    auto body = http::ParseJsonObject(request, {"decision", "owner_body", "due_date", "risk_id", "case_id"});
    if (!body) return Problem(request, body.error());
    services::DecisionInput in;
    auto decision = http::RequiredString(*body, "decision", 4000);
    if (!decision) return Problem(request, decision.error());
    in.decision = *decision;
    auto owner = http::RequiredString(*body, "owner_body", 40);
    if (!owner) return Problem(request, owner.error());
    in.owner_body = *owner;
    auto due = http::RequiredString(*body, "due_date", 10);
    if (!due) return Problem(request, due.error());
    auto date = domain::CivilDate::ParseIso(*due, "due_date");
    if (!date) return Problem(request, date.error());
    in.due_date = *date;
    auto risk = http::OptionalInt(*body, "risk_id");
    if (!risk) return Problem(request, risk.error());
    in.risk_id = *risk;
    auto case_id = http::OptionalInt(*body, "case_id");
    if (!case_id) return Problem(request, case_id.error());
    in.case_id = *case_id;
    return DetailOr(request, context.meetings->AddDecision(who, *id, in), 201);
  }, {.permission = security::Permission::kMeetingManage}));

  router.Add("GET", "/api/v1/action-items", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto page = http::ReadPage(request);
    if (!page) return Problem(request, page.error());
    auto items = context.meetings->ListActionItems(who, std::string(request.Query("status").value_or("")).substr(0, 20),
                                                   std::string(request.Query("owner_body").value_or("")).substr(0, 40),
                                                   page->page_size, page->offset());
    if (!items) return Problem(request, items.error());
    boost::json::array out;
    for (const auto& a : *items) out.push_back(ActionItemJson(a));
    return http::Response::Json(200, boost::json::object{{"items", out}, {"page", page->page}, {"page_size", page->page_size}});
  }), {.query = {"status", "owner_body", "page", "page_size"}});

  router.Add("POST", "/api/v1/action-items/{id}/complete", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    if (auto may = services::MeetingService::MayCompleteActionItems(who); !may) return Problem(request, may.error());
    auto id = PathId(request);
    if (!id) return Problem(request, id.error());
    auto evidence = ActionText(request, "evidence");
    if (!evidence) return Problem(request, evidence.error());
    auto done = context.meetings->CompleteActionItem(who, *id, *evidence);
    if (!done) return Problem(request, done.error());
    return http::Response::Json(200, ActionItemJson(*done));
  }, {.permission = security::Permission::kMeetingRead}));
}

}  // namespace wagelink::api
