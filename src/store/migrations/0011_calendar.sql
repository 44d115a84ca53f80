-- Holiday notices (国务院办公厅关于YYYY年部分节假日安排的通知) entered by the system administrator.
-- One row per year; it takes precedence over data/calendar/cn-YYYY.json and over the statutory
-- fallback for that year (domain/statutory_holidays.h). Replacing a notice bumps `version`; the
-- audit log keeps every earlier text.
CREATE TABLE holiday_notices (
  notice_year INTEGER PRIMARY KEY,
  notice TEXT NOT NULL,            -- JSON: domain::HolidayNoticeJson (document, issued, ranges, make-up days)
  entered_at TEXT NOT NULL,
  entered_by TEXT NOT NULL,        -- login name of the administrator
  version INTEGER NOT NULL
);

-- How sure a rolled-over due date is: the rule's roll-over status (UNCONFIRMED for 310号令's "日",
-- LEGAL.md §2.1); NULL when the last day did not roll over.
ALTER TABLE case_clocks ADD COLUMN due_interpretation TEXT;

-- A new notice recomputes the open clocks whose period may reach its year: read by due date.
CREATE INDEX case_clocks_open_due_date ON case_clocks (due_date) WHERE stopped_at IS NULL;
