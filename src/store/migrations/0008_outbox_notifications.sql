-- Notifications leave the building through an outbox: every inbox notice also gets an outbox row
-- in the same transaction, and a background sender posts it to the SMS / WeChat gateway (signed,
-- retried with backoff) — so a notice is never lost across restarts and no request waits for the
-- gateway. Users choose per category whether notices reach their inbox and the gateway.

-- The category a notice belongs to (case | deadline | risk | meeting | bulletin), for preferences.
ALTER TABLE notifications ADD COLUMN category TEXT NOT NULL DEFAULT 'case';
UPDATE notifications SET category = CASE
  WHEN kind LIKE 'clock%' OR kind LIKE 'deadline%' THEN 'deadline'
  WHEN kind LIKE 'risk%' THEN 'risk'
  WHEN kind LIKE 'action%' OR kind LIKE 'meeting%' THEN 'meeting'
  WHEN kind LIKE 'bulletin%' THEN 'bulletin'
  ELSE 'case' END;
-- The live stream (SSE) tails notifications by id.
CREATE INDEX notifications_id_category ON notifications (id, category);

CREATE TABLE notification_outbox (
  id {{ID}},
  notification_id BIGINT NOT NULL REFERENCES notifications (id),
  body_code TEXT NOT NULL,
  category TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'skipped')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  last_error TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  delivered_at TEXT
);
-- The sender reads only pending rows already due: O(due items).
CREATE INDEX notification_outbox_due ON notification_outbox (next_attempt_at, id) WHERE status = 'pending';

-- Only opt-outs are stored: a user receives every category by inbox and gateway unless a row says no.
CREATE TABLE notification_preferences (
  user_id BIGINT NOT NULL REFERENCES users (id),
  category TEXT NOT NULL CHECK (category IN ('case', 'deadline', 'risk', 'meeting', 'bulletin')),
  inbox INTEGER NOT NULL,
  webhook INTEGER NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (user_id, category)
);

-- Deadline reminders before a clock is due (N working days before, and on the due day), each sent
-- once: the key refuses a second row for the same clock and stage.
CREATE TABLE clock_reminders (
  clock_id BIGINT NOT NULL REFERENCES case_clocks (id),
  stage TEXT NOT NULL CHECK (stage IN ('before', 'due_day')),
  sent_at TEXT NOT NULL,
  PRIMARY KEY (clock_id, stage)
);

-- Bulletins (简报): figures generated from the data for a period, distributed to every body's inbox
-- and kept as a dated record. There is no update or delete path; `sha256` covers the stored record
-- so a reader can tell it is the one generated. Only counts and sums — never personal data.
CREATE TABLE bulletins (
  id {{ID}},
  bulletin_no TEXT NOT NULL UNIQUE,            -- periodic ones are unique per period: generated once
  period TEXT NOT NULL CHECK (period IN ('weekly', 'monthly', 'quarterly', 'on_demand')),
  period_start TEXT NOT NULL,                  -- civil dates (Asia/Shanghai), both inclusive
  period_end TEXT NOT NULL,
  generated_at TEXT NOT NULL,
  generated_by TEXT NOT NULL,
  figures TEXT NOT NULL,                       -- JSON
  sha256 TEXT NOT NULL
);
CREATE INDEX bulletins_period ON bulletins (period_start, id);
CREATE INDEX case_events_at ON case_events (at);
