-- Issue 17: machine clients (the bank, the provincial wage-payment platform) that send project feeds
-- without a browser session, signing each request with their own key (docs/supervision.md), and
-- the requests they sent: the idempotency record and the count behind each client's rate limit.
CREATE TABLE api_clients (
  id {{ID}},
  key_id TEXT NOT NULL UNIQUE,                 -- sent in X-WageLink-Key; not secret
  name TEXT NOT NULL,                          -- the organisation, as people name it
  secret_sealed TEXT NOT NULL,                 -- the HMAC key, encrypted (field_crypto.h)
  requests_per_minute INTEGER NOT NULL,
  active INTEGER NOT NULL DEFAULT 1,
  created_by_name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  disabled_at TEXT
);

CREATE TABLE api_requests (
  id {{ID}},
  client_id BIGINT NOT NULL REFERENCES api_clients (id),
  idempotency_key TEXT NOT NULL,
  digest TEXT NOT NULL,                        -- SHA-256 of method, path and body: a reused key with another request is refused
  status INTEGER,                              -- NULL while the first request with the key is being handled
  response TEXT,
  received_at TEXT NOT NULL,
  UNIQUE (client_id, idempotency_key)
);
CREATE INDEX api_requests_recent ON api_requests (client_id, received_at);
