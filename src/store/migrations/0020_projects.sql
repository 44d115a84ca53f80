-- Issue 17, 工程建设项目监测预警: the registered construction projects, the monthly feeds received for
-- them (实名制考勤, 工资支付表, 专用账户流水), and the warnings their rules raised
-- (data/project_warning_rules.json). Workers in the feeds are kept only as a blind index of the ID
-- number and a masked name: the rules need to know who, never the number.
CREATE TABLE projects (
  id {{ID}},
  project_no TEXT NOT NULL UNIQUE,              -- XM-2026-0001
  name TEXT NOT NULL,
  location TEXT NOT NULL,
  builder_name TEXT NOT NULL,                   -- 建设单位
  builder_credit_code TEXT NOT NULL,
  contractor_name TEXT NOT NULL,                -- 施工总承包单位
  contractor_credit_code TEXT NOT NULL,
  contractor_site_office TEXT NOT NULL DEFAULT '',   -- its 项目部
  subcontractors TEXT NOT NULL DEFAULT '[]',    -- JSON: [{name, credit_code}]
  sector_authority TEXT NOT NULL,               -- 行业主管部门, as people name it
  labour_officer_name TEXT NOT NULL DEFAULT '', -- 劳资专管员
  contract_sum_fen BIGINT NOT NULL,
  contract_signed_on TEXT NOT NULL,             -- civil dates
  started_on TEXT,
  planned_completion_on TEXT,
  pay_day INTEGER,                              -- agreed day of the following month wages are paid
  special_account_bank TEXT NOT NULL DEFAULT '',
  special_account_opened_on TEXT,
  wage_deposit TEXT NOT NULL CHECK (wage_deposit IN ('none', 'cash', 'bank_guarantee', 'insurance', 'exempt')),
  wage_deposit_amount_fen BIGINT NOT NULL DEFAULT 0,
  wage_deposit_rate_permille INTEGER,           -- the rate applied, in ‰ of the contract sum
  wage_deposit_bank TEXT NOT NULL DEFAULT '',
  payment_guarantee INTEGER NOT NULL DEFAULT 0, -- 工程款支付担保 given by the builder (§24 ¶1)
  notice_board_up INTEGER NOT NULL DEFAULT 0,   -- 维权信息告示牌 (§34); its photo is an evidence file
  owner_body TEXT NOT NULL,                     -- the body that handles its warnings (属地人社)
  risk_id BIGINT,                               -- the risk item its warnings feed (set once opened)
  created_by_name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX projects_contractor ON projects (contractor_credit_code);

CREATE TABLE project_feed_batches (
  id {{ID}},
  project_id BIGINT NOT NULL REFERENCES projects (id),
  kind TEXT NOT NULL CHECK (kind IN ('attendance', 'payroll', 'account')),
  month TEXT NOT NULL,                          -- 'YYYY-MM'
  digest TEXT NOT NULL,                         -- SHA-256 of the rows as received: a repeat is recognised
  row_count INTEGER NOT NULL,
  channel TEXT NOT NULL CHECK (channel IN ('browser', 'file', 'api')),
  received_from TEXT NOT NULL,                  -- the person's name or the API client's name
  received_at TEXT NOT NULL,
  superseded_at TEXT                            -- a later batch of the same kind and month replaced it
);
CREATE UNIQUE INDEX project_feed_current ON project_feed_batches (project_id, kind, month) WHERE superseded_at IS NULL;

CREATE TABLE project_feed_rows (
  batch_id BIGINT NOT NULL REFERENCES project_feed_batches (id),
  line INTEGER NOT NULL,
  worker_key TEXT NOT NULL DEFAULT '',          -- blind index of the ID number (attendance, payroll)
  worker_name_masked TEXT NOT NULL DEFAULT '',
  days INTEGER NOT NULL DEFAULT 0,              -- attendance
  amount_fen BIGINT NOT NULL DEFAULT 0,         -- payroll, account
  on_date TEXT,                                 -- paid on / transaction date
  through_special_account INTEGER NOT NULL DEFAULT 0,
  purpose TEXT NOT NULL DEFAULT '',             -- account: labour_cost | wage_payment | other
  PRIMARY KEY (batch_id, line)
);

CREATE TABLE project_warnings (
  id {{ID}},
  project_id BIGINT NOT NULL REFERENCES projects (id),
  rule_id TEXT NOT NULL,
  level TEXT NOT NULL,
  level_rank INTEGER NOT NULL,                  -- index of the level in the rules file (0 = lowest)
  measured BIGINT NOT NULL,
  at_least BIGINT NOT NULL,                     -- the threshold that decided the level
  status TEXT NOT NULL CHECK (status IN ('open', 'cleared')),
  evidence TEXT NOT NULL,                       -- JSON: the rows behind it
  raised_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  cleared_at TEXT,
  cleared_evidence TEXT                         -- JSON: the data that cleared it
);
CREATE UNIQUE INDEX project_warnings_open ON project_warnings (project_id, rule_id) WHERE status = 'open';
CREATE INDEX project_warnings_by_level ON project_warnings (status, level_rank, id);

ALTER TABLE cases ADD COLUMN project_id BIGINT REFERENCES projects (id);
