// The auditor's reading of the two logs: the audit log and the login log, searched, paged and
// exported as CSV. Every read and export of the audit log, and every export of the login log, is
// itself an audit entry that records the search.
#include <map>

#include "domain/body.h"
#include "domain/civil_date.h"
#include "security/roles.h"
#include "services/admin_service.h"
#include "services/csv_text.h"
#include "services/log_labels.h"
#include "services/zh_text.h"
#include "store/case_repository.h"

namespace wagelink::services {
namespace {
using security::Permission;

// Names looked up once per page or export: who acted, and the case number or person a target
// stands for.
class AuditNaming {
 public:
  explicit AuditNaming(store::Connection& connection) : identity_(connection), cases_(connection) {}

  AuditView Named(security::AuditEntry entry) {
    AuditView view{.entry = std::move(entry), .actor_name = {}, .target_name = {}};
    const auto& e = view.entry;
    view.actor_name = PersonOf(e.actor_username);
    if (auto id = Numeric(e.target_id); id && e.target_type == "case") {
      view.target_name = Lookup(case_numbers_, e.target_id, [&] {
        auto found = cases_.FindCase(*id, {true, ""});
        return found ? found->case_no : std::string();
      });
    } else if (id && e.target_type == "user") {
      view.target_name = Lookup(users_, e.target_id, [&] {
        auto user = identity_.FindUser(*id);
        return user ? user->display_name : std::string();
      });
    }
    return view;
  }

  // The account's person, "" when the name is no account.
  const std::string& PersonOf(const std::string& username) {
    return Lookup(people_, username, [&] {
      auto user = identity_.FindUserByName(username);
      return user ? user->display_name : std::string();
    });
  }

 private:
  using Cache = std::map<std::string, std::string, std::less<>>;

  template <class Find>
  static const std::string& Lookup(Cache& cache, const std::string& key, Find find) {
    auto [it, fresh] = cache.try_emplace(key);
    if (fresh) it->second = find();
    return it->second;
  }

  static std::optional<std::int64_t> Numeric(const std::string& id) {
    if (id.empty() || id.size() > 18 || id.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
    return std::stoll(id);
  }

  store::IdentityRepository identity_;
  store::CaseRepository cases_;
  Cache people_, case_numbers_, users_;
};

std::string BodyNameZh(const std::string& code) {
  auto body = domain::ParseBodyCode(code);
  return body ? std::string(domain::BodyNameZh(*body)) : code;
}

std::string RoleNameZh(const std::string& code) {
  auto role = security::ParseRole(code);
  return role ? std::string(security::RoleNameZh(*role)) : code;
}

// Records who read or exported a log, with the search that chose the rows and how many there were.
void RecordLogAccess(const AuditTrail& audit, store::Connection& connection, const Principal& who,
                     std::string_view action, const AuditTarget& target, boost::json::object search,
                     std::int64_t rows) {
  search["rows"] = rows;
  store::Transaction tx(connection);
  audit.Append(connection, who, action, target, nullptr, search);
  tx.Commit();
}

}  // namespace

Result<Page<LoginAttempt>> AdminService::ListLogins(const Principal& who, const LoginSearch& search, std::int64_t limit,
                                                    std::int64_t offset) {
  if (!who.Can(Permission::kLoginLogRead)) return Forbidden(Permission::kLoginLogRead);
  auto filter = ReadLoginSearch(search);
  if (!filter) return filter.error();
  auto connection = db_.Acquire();
  store::SessionRepository sessions(*connection);
  AuditNaming naming(*connection);
  Page<LoginAttempt> page;
  for (const auto& r : sessions.ListLogins(*filter, limit, offset)) {
    page.items.push_back({.at = r.at,
                          .username = r.username,
                          .display_name = naming.PersonOf(r.username),
                          .success = r.success,
                          .reason = r.reason,
                          .client_address = r.client_address});
  }
  page.total = sessions.CountLogins(*filter);
  return page;
}

Result<std::string> AdminService::ExportLoginsCsv(const Principal& who, const LoginSearch& search) {
  if (!who.Can(Permission::kLoginLogRead)) return Forbidden(Permission::kLoginLogRead);
  auto filter = ReadLoginSearch(search);
  if (!filter) return filter.error();
  auto connection = db_.Acquire();
  AuditNaming naming(*connection);
  std::string csv = std::string(kCsvBom) + "时间（北京时间）,登录名,姓名,结果,原因,来源地址\n";
  std::int64_t rows = 0;
  store::SessionRepository(*connection).StreamLogins(*filter, [&](const store::LoginLogRow& r) {
    csv += CsvLine({BeijingTime(r.at), r.username, naming.PersonOf(r.username), r.success ? "成功" : "失败",
                    LoginReasonLabel(r.reason).zh, r.client_address});
    ++rows;
  });
  RecordLogAccess(audit_, *connection, who, "loginlog.export", {"login_log", ""}, SearchJson(search), rows);
  return csv;
}

Result<Page<AuditView>> AdminService::ListAudit(const Principal& who, const AuditSearch& search, std::int64_t limit,
                                                std::int64_t offset) {
  if (!who.Can(Permission::kAuditRead)) return Forbidden(Permission::kAuditRead);
  auto filter = ReadAuditSearch(search);
  if (!filter) return filter.error();
  auto connection = db_.Acquire();
  store::AuditRepository audit(*connection);
  AuditNaming naming(*connection);
  Page<AuditView> page;
  page.total = audit.Count(*filter);
  for (auto& e : audit.List(limit, offset, *filter)) page.items.push_back(naming.Named(std::move(e)));
  auto search_made = SearchJson(search);
  search_made["offset"] = offset;
  RecordLogAccess(audit_, *connection, who, "audit.read", {"audit_log", ""}, std::move(search_made),
                  static_cast<std::int64_t>(page.items.size()));
  return page;
}

Result<std::string> AdminService::ExportAuditCsv(const Principal& who, const AuditSearch& search) {
  if (!who.Can(Permission::kAuditRead)) return Forbidden(Permission::kAuditRead);
  auto filter = ReadAuditSearch(search);
  if (!filter) return filter.error();
  auto connection = db_.Acquire();
  AuditNaming naming(*connection);
  // The codes stay beside the words: the action code and the target's kind and id are what a
  // machine (or a later search) matches on; the hash ties each row to the verified chain.
  std::string csv = std::string(kCsvBom) +
                    "序号,时间（北京时间）,操作人,登录名,单位,角色,操作,操作代码,对象类型,对象,对象类型代码,对象编号,"
                    "请求编号,来源地址,哈希\n";
  std::int64_t rows = 0;
  store::AuditRepository(*connection).StreamMatching(*filter, [&](const security::AuditEntry& entry) {
    const AuditView view = naming.Named(entry);
    const auto& e = view.entry;
    csv +=
        CsvLine({std::to_string(e.seq), BeijingTime(e.at), view.actor_name, e.actor_username, BodyNameZh(e.body_code),
                 RoleNameZh(e.role), AuditActionLabel(e.action).zh, e.action, AuditTargetLabel(e.target_type).zh,
                 view.target_name, e.target_type, e.target_id, e.request_id, e.client_address, e.hash});
    ++rows;
  });
  RecordLogAccess(audit_, *connection, who, "audit.export", {"audit_log", ""}, SearchJson(search), rows);
  return csv;
}

}  // namespace wagelink::services
