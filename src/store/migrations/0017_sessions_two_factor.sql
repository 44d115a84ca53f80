-- Issue 13, "Sessions and administrators" and "Two-factor sign-in".

-- Failed sign-ins counted per (name as typed, client address): an attacker elsewhere cannot lock
-- the real user out, and an unknown name locks exactly like a real one (no enumeration).
CREATE TABLE login_lockouts (
  username TEXT NOT NULL,
  client_address TEXT NOT NULL,
  failures INTEGER NOT NULL DEFAULT 0,
  locked_until TEXT,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (username, client_address)
);

-- 三员分立: a change one administrator asks for on another administrator's account, applied only
-- when a second, different administrator approves it.
CREATE TABLE admin_change_requests (
  id {{ID}},
  target_user_id BIGINT NOT NULL REFERENCES users (id),
  requested_by BIGINT NOT NULL REFERENCES users (id),
  change_json TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
  created_at TEXT NOT NULL,
  decided_by BIGINT REFERENCES users (id),
  decided_at TEXT
);
CREATE INDEX admin_change_requests_status ON admin_change_requests (status, id);

-- TOTP (RFC 6238): the secret sealed with the field-encryption key, the last time step accepted
-- (a code is never accepted twice), and ten one-time recovery codes stored as hashes.
CREATE TABLE totp_enrolments (
  user_id BIGINT PRIMARY KEY REFERENCES users (id),
  secret_sealed TEXT NOT NULL,
  confirmed_at TEXT,
  last_used_step BIGINT NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);
CREATE TABLE totp_recovery_codes (
  id {{ID}},
  user_id BIGINT NOT NULL REFERENCES users (id),
  code_hash TEXT NOT NULL,
  used_at TEXT
);
CREATE INDEX totp_recovery_codes_user ON totp_recovery_codes (user_id);

-- A session that has passed the password but still owes the second factor.
ALTER TABLE sessions ADD COLUMN second_factor_pending INTEGER NOT NULL DEFAULT 0;
