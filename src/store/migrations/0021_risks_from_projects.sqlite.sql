-- wagelink:sqlite-rebuild (foreign keys off for the rebuild, checked before commit: migrations.cpp)
-- Issue 17: a risk item may come from a project's warnings (source project_monitoring) and names
-- the project. SQLite cannot change a CHECK constraint, so the table is rebuilt (the documented
-- twelve-step procedure): the child tables keep referring to "risks", which is the new table once
-- renamed, and PRAGMA foreign_key_check proves every reference still holds.
CREATE TABLE risks_rebuilt (
  id {{ID}},
  risk_no TEXT NOT NULL UNIQUE,
  employer_name TEXT NOT NULL,
  employer_credit_code TEXT NOT NULL,          -- 统一社会信用代码, validated
  project_name TEXT NOT NULL DEFAULT '',
  general_contractor_name TEXT NOT NULL DEFAULT '',
  general_contractor_credit_code TEXT,
  special_account TEXT NOT NULL DEFAULT '',    -- bank and account name of the wage special account
  workers_affected INTEGER NOT NULL,
  amount_fen BIGINT NOT NULL,
  pay_due_dates TEXT NOT NULL DEFAULT '[]',    -- JSON array of civil dates
  source TEXT NOT NULL CHECK (source IN ('complaint_trend', 'inspection', 'bank_special_account_alert',
    'utilities_or_tax_signal', 'court_enforcement', 'public_opinion', 'referral',
    'project_monitoring')),
  indicators TEXT NOT NULL DEFAULT '{}',       -- JSON object: indicator -> observed integer
  description TEXT NOT NULL DEFAULT '',
  measures TEXT NOT NULL DEFAULT '',
  owner_body TEXT NOT NULL,
  reported_by_body TEXT NOT NULL,
  reported_by BIGINT REFERENCES users (id),
  case_id BIGINT REFERENCES cases (id),
  status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
  level TEXT NOT NULL,
  level_rank INTEGER NOT NULL,                 -- index of the level in data/risk_rules.json (0 = lowest)
  score INTEGER NOT NULL,
  assessment TEXT NOT NULL,                    -- JSON: fired rules, observed values, as_of
  assessed_at TEXT NOT NULL,
  next_review_at TEXT NOT NULL,
  review_notified_at TEXT,
  wage_office_notified_at TEXT,
  leadership_notified_at TEXT,
  report TEXT,                                 -- JSON: the written report (书面材料) for the leadership
  closed_at TEXT,
  closed_by_body TEXT,
  closing_evidence TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  project_id BIGINT REFERENCES projects (id)
);
INSERT INTO risks_rebuilt (id, risk_no, employer_name, employer_credit_code, project_name, general_contractor_name, general_contractor_credit_code, special_account, workers_affected, amount_fen, pay_due_dates, source, indicators, description, measures, owner_body, reported_by_body, reported_by, case_id, status, level, level_rank, score, assessment, assessed_at, next_review_at, review_notified_at, wage_office_notified_at, leadership_notified_at, report, closed_at, closed_by_body, closing_evidence, created_at, updated_at, version)
  SELECT id, risk_no, employer_name, employer_credit_code, project_name, general_contractor_name, general_contractor_credit_code, special_account, workers_affected, amount_fen, pay_due_dates, source, indicators, description, measures, owner_body, reported_by_body, reported_by, case_id, status, level, level_rank, score, assessment, assessed_at, next_review_at, review_notified_at, wage_office_notified_at, leadership_notified_at, report, closed_at, closed_by_body, closing_evidence, created_at, updated_at, version FROM risks;
DROP TABLE risks;
ALTER TABLE risks_rebuilt RENAME TO risks;
CREATE INDEX risks_status_level ON risks (status, level_rank, id);
CREATE INDEX risks_review_due ON risks (next_review_at) WHERE status = 'open' AND review_notified_at IS NULL;
