-- Cases across the six bodies: employers, the case (state, parties for need-to-know scope,
-- denormalised money totals for fast lists), workers with encrypted personal data, payments
-- per worker, the append-only timeline, statutory clocks, PII access receipts and inboxes.

CREATE TABLE employers (
  id {{ID}},
  name TEXT NOT NULL,
  credit_code TEXT,                     -- 统一社会信用代码, validated; NULL for an individual boss
  kind TEXT NOT NULL CHECK (kind IN ('unit', 'individual', 'unqualified_contractor')),
  address TEXT NOT NULL DEFAULT '',
  legal_representative TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
);
CREATE INDEX employers_credit_code ON employers (credit_code);

CREATE TABLE sequences (
  name TEXT NOT NULL,
  year INTEGER NOT NULL,
  next_value BIGINT NOT NULL,
  PRIMARY KEY (name, year)
);

CREATE TABLE cases (
  id {{ID}},
  case_no TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  state TEXT NOT NULL,
  progress TEXT NOT NULL DEFAULT '{}',   -- the state machine's progress record (JSON)
  channel TEXT NOT NULL,
  received_at TEXT NOT NULL,
  employer_id BIGINT NOT NULL REFERENCES employers (id),
  general_contractor_id BIGINT REFERENCES employers (id),
  project_name TEXT NOT NULL DEFAULT '',
  summary TEXT NOT NULL DEFAULT '',
  conduct TEXT NOT NULL DEFAULT 'unknown',
  migrant_workers INTEGER NOT NULL DEFAULT 1,
  workers_count INTEGER NOT NULL DEFAULT 0,
  owed_fen BIGINT NOT NULL DEFAULT 0,
  paid_fen BIGINT NOT NULL DEFAULT 0,
  order_deadline TEXT,
  order_delivery TEXT,
  transfer_package TEXT NOT NULL DEFAULT '{}',  -- item id -> present (data/transfer_package.json)
  created_by BIGINT REFERENCES users (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX cases_state ON cases (state, received_at);
CREATE INDEX cases_received ON cases (received_at);

-- Need-to-know: a body sees a case only once it is a party to it (police after the transfer,
-- the court once the case is before it ...). Data scope is a bound EXISTS over this table.
CREATE TABLE case_parties (
  case_id BIGINT NOT NULL REFERENCES cases (id),
  body_code TEXT NOT NULL,
  since TEXT NOT NULL,
  PRIMARY KEY (case_id, body_code)
);
CREATE INDEX case_parties_body ON case_parties (body_code, case_id);

CREATE TABLE workers (
  id {{ID}},
  case_id BIGINT NOT NULL REFERENCES cases (id),
  name TEXT NOT NULL,
  id_number_enc TEXT,                   -- XChaCha20-Poly1305, associated data binds field and row
  id_number_index TEXT,                 -- keyed blind index for exact lookup
  id_number_masked TEXT NOT NULL DEFAULT '',
  phone_enc TEXT,
  phone_masked TEXT NOT NULL DEFAULT '',
  bank_card_enc TEXT,
  bank_card_masked TEXT NOT NULL DEFAULT '',
  owed_fen BIGINT NOT NULL,
  months_unpaid INTEGER NOT NULL,
  period_from TEXT NOT NULL DEFAULT '',
  period_to TEXT NOT NULL DEFAULT '',
  paid_fen BIGINT NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);
CREATE INDEX workers_case ON workers (case_id);
CREATE INDEX workers_id_index ON workers (id_number_index);

CREATE TABLE payments (
  id {{ID}},
  case_id BIGINT NOT NULL REFERENCES cases (id),
  worker_id BIGINT REFERENCES workers (id),
  amount_fen BIGINT NOT NULL CHECK (amount_fen > 0),
  paid_on TEXT NOT NULL,
  payer TEXT NOT NULL CHECK (payer IN ('employer', 'general_contractor', 'developer', 'emergency_fund', 'court_execution')),
  note TEXT NOT NULL DEFAULT '',
  recorded_by BIGINT REFERENCES users (id),
  created_at TEXT NOT NULL
);
CREATE INDEX payments_case ON payments (case_id);

CREATE TABLE case_events (
  id {{ID}},
  case_id BIGINT NOT NULL REFERENCES cases (id),
  event TEXT NOT NULL,
  at TEXT NOT NULL,
  actor_user_id BIGINT REFERENCES users (id),
  actor_username TEXT NOT NULL,
  actor_body TEXT NOT NULL,
  from_state TEXT NOT NULL,
  to_state TEXT NOT NULL,
  payload TEXT NOT NULL DEFAULT '{}',
  reason TEXT NOT NULL DEFAULT '',
  explanation_zh TEXT NOT NULL DEFAULT '',
  explanation_en TEXT NOT NULL DEFAULT '',
  request_id TEXT NOT NULL DEFAULT ''
);
CREATE INDEX case_events_case ON case_events (case_id, id);

CREATE TABLE case_clocks (
  id {{ID}},
  case_id BIGINT NOT NULL REFERENCES cases (id),
  rule_id TEXT NOT NULL,
  started_at TEXT NOT NULL,
  due_at TEXT NOT NULL,
  due_date TEXT NOT NULL,
  uncertain INTEGER NOT NULL DEFAULT 0,
  responsible_body TEXT NOT NULL,
  supervisor_body TEXT NOT NULL,
  kind TEXT NOT NULL DEFAULT 'duty',          -- duty | window (see domain/statutory_clock.h)
  extensions_applied INTEGER NOT NULL DEFAULT 0,
  supplied_due_date TEXT,                     -- a stated last day (the order's deadline, L03)
  explanation_zh TEXT NOT NULL DEFAULT '',
  explanation_en TEXT NOT NULL DEFAULT '',
  stopped_at TEXT,
  outcome TEXT,                               -- met | not_met | withdrawn
  overdue_notified_at TEXT
);
CREATE INDEX case_clocks_case ON case_clocks (case_id);
-- The deadline sweep reads only open clocks already due and not yet reported: O(due items).
CREATE INDEX case_clocks_due ON case_clocks (due_at)
  WHERE stopped_at IS NULL AND overdue_notified_at IS NULL AND kind = 'duty';

-- Access receipts: every reveal of a full ID number, phone or bank card, with its purpose.
CREATE TABLE pii_access_log (
  id {{ID}},
  at TEXT NOT NULL,
  user_id BIGINT NOT NULL REFERENCES users (id),
  username TEXT NOT NULL,
  body_code TEXT NOT NULL,
  case_id BIGINT NOT NULL REFERENCES cases (id),
  worker_id BIGINT NOT NULL REFERENCES workers (id),
  field TEXT NOT NULL,
  purpose TEXT NOT NULL,
  request_id TEXT NOT NULL DEFAULT ''
);
CREATE INDEX pii_access_case ON pii_access_log (case_id);

-- In-system inbox (站内信) per body, optionally per user.
CREATE TABLE notifications (
  id {{ID}},
  body_code TEXT NOT NULL,
  user_id BIGINT REFERENCES users (id),
  kind TEXT NOT NULL,
  title_zh TEXT NOT NULL,
  title_en TEXT NOT NULL,
  case_id BIGINT REFERENCES cases (id),
  created_at TEXT NOT NULL,
  read_at TEXT
);
CREATE INDEX notifications_body ON notifications (body_code, id);
