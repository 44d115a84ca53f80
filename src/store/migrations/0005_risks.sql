-- Risk ledger (风险台账): risk items kept by the wage-arrears office and fed by every body, scored by
-- data/risk_rules.json (the fired rules and their observed values are stored with the item, "as of"
-- the scoring instant), follow-ups, and the append-only history of every change.

CREATE TABLE risks (
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
    'utilities_or_tax_signal', 'court_enforcement', 'public_opinion', 'referral')),
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
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX risks_status_level ON risks (status, level_rank, id);
-- The review reminder reads only open items already due and not yet reminded.
CREATE INDEX risks_review_due ON risks (next_review_at) WHERE status = 'open' AND review_notified_at IS NULL;

CREATE TABLE risk_followups (
  id {{ID}},
  risk_id BIGINT NOT NULL REFERENCES risks (id),
  at TEXT NOT NULL,
  user_id BIGINT REFERENCES users (id),
  username TEXT NOT NULL,
  body_code TEXT NOT NULL,
  note TEXT NOT NULL,
  level_after TEXT NOT NULL
);
CREATE INDEX risk_followups_risk ON risk_followups (risk_id, id);

CREATE TABLE risk_history (
  id {{ID}},
  risk_id BIGINT NOT NULL REFERENCES risks (id),
  at TEXT NOT NULL,
  action TEXT NOT NULL,                        -- created | followup | rescored | escalated | closed | reopened | review_due
  actor_username TEXT NOT NULL,
  actor_body TEXT NOT NULL,
  from_status TEXT NOT NULL DEFAULT '',
  to_status TEXT NOT NULL DEFAULT '',
  from_level TEXT NOT NULL DEFAULT '',
  to_level TEXT NOT NULL DEFAULT '',
  detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX risk_history_risk ON risk_history (risk_id, id);

-- Joint meetings (联席会议) convened by the wage-arrears office: the agenda is built from the data at
-- creation (open major risks, overdue clocks, disputed refusals to file, open consultations,
-- reverse-linkage replies due, overdue action items) and edited by the convener; attendance,
-- minutes, and decisions tracked as action items with an owner body and a due date.
CREATE TABLE meetings (
  id {{ID}},
  meeting_no TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('regular', 'ad_hoc')),
  title TEXT NOT NULL,
  scheduled_at TEXT NOT NULL,
  location TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('planned', 'held')),
  minutes TEXT NOT NULL DEFAULT '',
  convened_by BIGINT REFERENCES users (id),
  convener_body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX meetings_scheduled ON meetings (scheduled_at);

CREATE TABLE meeting_agenda_items (
  id {{ID}},
  meeting_id BIGINT NOT NULL REFERENCES meetings (id),
  position INTEGER NOT NULL,
  source TEXT NOT NULL,         -- major_risk | overdue_clock | disputed_refusal | consultation | reverse_linkage | overdue_action_item | manual
  ref_type TEXT NOT NULL DEFAULT '',
  ref_id BIGINT,
  title TEXT NOT NULL,
  detail TEXT NOT NULL DEFAULT '',
  removed INTEGER NOT NULL DEFAULT 0,
  added_by TEXT NOT NULL
);
CREATE INDEX meeting_agenda_meeting ON meeting_agenda_items (meeting_id, position);

CREATE TABLE meeting_attendance (
  id {{ID}},
  meeting_id BIGINT NOT NULL REFERENCES meetings (id),
  body_code TEXT NOT NULL,
  attendee_name TEXT NOT NULL,
  present INTEGER NOT NULL
);
CREATE INDEX meeting_attendance_meeting ON meeting_attendance (meeting_id);

CREATE TABLE action_items (
  id {{ID}},
  meeting_id BIGINT NOT NULL REFERENCES meetings (id),
  decision TEXT NOT NULL,
  owner_body TEXT NOT NULL,
  due_date TEXT NOT NULL,       -- civil date (Asia/Shanghai)
  status TEXT NOT NULL CHECK (status IN ('open', 'done')),
  evidence TEXT,
  completed_at TEXT,
  completed_by_body TEXT,
  overdue_notified_at TEXT,
  risk_id BIGINT REFERENCES risks (id),
  case_id BIGINT REFERENCES cases (id),
  created_at TEXT NOT NULL
);
CREATE INDEX action_items_status ON action_items (status, due_date);
