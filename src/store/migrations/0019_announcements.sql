-- Issue 14, 通知公告: announcements from the joint meeting office (or the system administrator) to
-- every body, with a read receipt per person who opened one.
CREATE TABLE announcements (
  id {{ID}},
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  published_by BIGINT NOT NULL REFERENCES users (id),
  published_by_name TEXT NOT NULL,
  published_body TEXT NOT NULL,
  published_at TEXT NOT NULL,
  withdrawn_at TEXT,
  withdrawn_by_name TEXT
);
CREATE INDEX announcements_newest ON announcements (published_at, id);

CREATE TABLE announcement_reads (
  announcement_id BIGINT NOT NULL REFERENCES announcements (id),
  user_id BIGINT NOT NULL REFERENCES users (id),
  read_at TEXT NOT NULL,
  PRIMARY KEY (announcement_id, user_id)
);
