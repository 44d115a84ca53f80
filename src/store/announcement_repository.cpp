#include "store/announcement_repository.h"

namespace wagelink::store {
namespace {

constexpr std::string_view kInsert =
    "INSERT INTO announcements (title, body, published_by, published_by_name, published_body, published_at) "
    "VALUES (?, ?, ?, ?, ?, ?) RETURNING id";
constexpr std::string_view kColumns =
    "SELECT a.id, a.title, a.body, a.published_by, a.published_by_name, a.published_body, a.published_at, "
    "a.withdrawn_at, a.withdrawn_by_name, r.read_at FROM announcements a "
    "LEFT JOIN announcement_reads r ON r.announcement_id = a.id AND r.user_id = ? ";
constexpr std::string_view kCount = "SELECT COUNT(*) FROM announcements WHERE (? = 1 OR withdrawn_at IS NULL)";
constexpr std::string_view kCountUnread =
    "SELECT COUNT(*) FROM announcements a WHERE a.withdrawn_at IS NULL AND NOT EXISTS "
    "(SELECT 1 FROM announcement_reads r WHERE r.announcement_id = a.id AND r.user_id = ?)";
constexpr std::string_view kMarkRead =
    "INSERT INTO announcement_reads (announcement_id, user_id, read_at) VALUES (?, ?, ?) "
    "ON CONFLICT (announcement_id, user_id) DO NOTHING";
constexpr std::string_view kWithdraw =
    "UPDATE announcements SET withdrawn_at = ?, withdrawn_by_name = ? WHERE id = ? AND withdrawn_at IS NULL";
constexpr std::string_view kReaders =
    "SELECT b.code, b.name_zh, b.name_en, u.display_name, r.read_at FROM users u JOIN bodies b ON b.id = u.body_id "
    "LEFT JOIN announcement_reads r ON r.user_id = u.id AND r.announcement_id = ? "
    "WHERE u.active = 1 ORDER BY b.code, r.read_at IS NULL, r.read_at, u.display_name";

AnnouncementRow RowOf(const Row& r) {
  return {r.Int(0), r.Text(1), r.Text(2), r.Int(3), r.Text(4), r.Text(5), r.Text(6), r.OptText(7), r.OptText(8),
          r.OptText(9)};
}

}  // namespace

std::int64_t AnnouncementRepository::Insert(const AnnouncementRow& row) {
  return c_.InsertReturningId(kInsert, {row.title, row.body, row.published_by, row.published_by_name,
                                        row.published_body, row.published_at});
}

std::vector<AnnouncementRow> AnnouncementRepository::List(std::int64_t reader_id, bool with_withdrawn, std::int64_t limit,
                                                          std::int64_t offset) {
  std::vector<AnnouncementRow> out;
  c_.Stream(std::string(kColumns) + "WHERE (? = 1 OR a.withdrawn_at IS NULL) ORDER BY a.published_at DESC, a.id DESC "
                                    "LIMIT ? OFFSET ?",
            {reader_id, std::int64_t{with_withdrawn}, limit, offset}, [&](const Row& r) { out.push_back(RowOf(r)); });
  return out;
}

std::int64_t AnnouncementRepository::Count(bool with_withdrawn) {
  return c_.QueryOne(kCount, {std::int64_t{with_withdrawn}})->Int(0);
}

std::int64_t AnnouncementRepository::CountUnread(std::int64_t reader_id) {
  return c_.QueryOne(kCountUnread, {reader_id})->Int(0);
}

std::optional<AnnouncementRow> AnnouncementRepository::Find(std::int64_t id, std::int64_t reader_id) {
  auto row = c_.QueryOne(std::string(kColumns) + "WHERE a.id = ?", {reader_id, id});
  if (!row) return std::nullopt;
  return RowOf(*row);
}

void AnnouncementRepository::MarkRead(std::int64_t id, std::int64_t user_id, const std::string& at) {
  c_.Execute(kMarkRead, {id, user_id, at});
}

bool AnnouncementRepository::Withdraw(std::int64_t id, const std::string& by_name, const std::string& at) {
  return c_.Execute(kWithdraw, {at, by_name, id}) == 1;
}

std::vector<AnnouncementReader> AnnouncementRepository::Readers(std::int64_t id) {
  std::vector<AnnouncementReader> out;
  c_.Stream(kReaders, {id}, [&](const Row& r) { out.push_back({r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.OptText(4)}); });
  return out;
}

}  // namespace wagelink::store
