-- Bodies (部门) as a tree under a region, users and their roles, sessions, login log,
-- the liaison roster (联络专员), the tamper-evident audit log and operator settings.
-- Portable SQL for SQLite and PostgreSQL: instants are TEXT "YYYY-MM-DDTHH:MM:SSZ" (UTC),
-- booleans are INTEGER 0/1, money is BIGINT fen; {{ID}} is the engine's auto-increment key.

CREATE TABLE bodies (
  id {{ID}},
  code TEXT NOT NULL UNIQUE,
  parent_id BIGINT REFERENCES bodies (id),
  kind TEXT NOT NULL CHECK (kind IN ('region', 'body')),
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  sort_order INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);

CREATE TABLE users (
  id {{ID}},
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  body_id BIGINT NOT NULL REFERENCES bodies (id),
  password_hash TEXT NOT NULL,
  password_changed_at TEXT NOT NULL,
  must_change_password INTEGER NOT NULL DEFAULT 1,
  password_policy_exempt INTEGER NOT NULL DEFAULT 0,
  active INTEGER NOT NULL DEFAULT 1,
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until TEXT,
  last_login_at TEXT,
  created_at TEXT NOT NULL
);

CREATE TABLE user_roles (
  user_id BIGINT NOT NULL REFERENCES users (id),
  role TEXT NOT NULL,
  PRIMARY KEY (user_id, role)
);

CREATE TABLE password_history (
  id {{ID}},
  user_id BIGINT NOT NULL REFERENCES users (id),
  password_hash TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX password_history_user ON password_history (user_id, id);

-- Session tokens and CSRF tokens are stored only as hashes: a database reader cannot replay them.
CREATE TABLE sessions (
  id {{ID}},
  token_hash TEXT NOT NULL UNIQUE,
  csrf_hash TEXT NOT NULL,
  user_id BIGINT NOT NULL REFERENCES users (id),
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  client_address TEXT NOT NULL DEFAULT '',
  revoked_at TEXT
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE login_log (
  id {{ID}},
  at TEXT NOT NULL,
  username TEXT NOT NULL,
  user_id BIGINT,
  success INTEGER NOT NULL,
  reason TEXT NOT NULL,
  client_address TEXT NOT NULL DEFAULT ''
);
CREATE INDEX login_log_at ON login_log (at);

CREATE TABLE liaisons (
  id {{ID}},
  body_id BIGINT NOT NULL REFERENCES bodies (id),
  name TEXT NOT NULL,
  title TEXT NOT NULL,
  phone TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- Append-only hash chain; see src/security/audit_chain.h. Nothing in the product updates or
-- deletes these rows; `wagelink audit verify` detects anyone who does.
CREATE TABLE audit_log (
  seq BIGINT PRIMARY KEY,
  at TEXT NOT NULL,
  actor_user_id BIGINT,
  actor_username TEXT NOT NULL,
  body_code TEXT NOT NULL DEFAULT '',
  role TEXT NOT NULL DEFAULT '',
  action TEXT NOT NULL,
  target_type TEXT NOT NULL DEFAULT '',
  target_id TEXT NOT NULL DEFAULT '',
  before_digest TEXT NOT NULL DEFAULT '',
  after_digest TEXT NOT NULL DEFAULT '',
  request_id TEXT NOT NULL DEFAULT '',
  client_address TEXT NOT NULL DEFAULT '',
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_log_at ON audit_log (at);

CREATE TABLE audit_checkpoints (
  seq BIGINT PRIMARY KEY,
  hash TEXT NOT NULL,
  signed_at TEXT NOT NULL,
  signature TEXT NOT NULL
);

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL DEFAULT ''
);
