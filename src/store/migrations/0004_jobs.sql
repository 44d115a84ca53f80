-- Scheduled jobs run on one instance at a time: the holder of an unexpired lease runs them.
CREATE TABLE job_leases (
  name TEXT PRIMARY KEY,
  holder TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
