-- Spreadsheet imports (complaints/clues, worker rosters, employer lists): uploaded, mapped,
-- validated, then committed all at once. The uploaded file holds personal data, so it is kept
-- encrypted (field cipher, associated data binds it to its SHA-256) and dropped on commit.
CREATE TABLE imports (
  id {{ID}},
  kind TEXT NOT NULL,                      -- complaints | roster | employers
  case_id BIGINT REFERENCES cases (id),    -- roster: the case the workers join
  channel TEXT NOT NULL DEFAULT '',        -- complaints: intake channel of every row
  file_name TEXT NOT NULL DEFAULT '',
  format TEXT NOT NULL,                    -- csv | xlsx
  encoding TEXT NOT NULL,
  byte_size BIGINT NOT NULL,
  sha256 TEXT NOT NULL,
  content_enc TEXT NOT NULL,               -- '' once committed or expired
  header TEXT NOT NULL,                    -- JSON array of the column names
  row_count INTEGER NOT NULL,
  mapping TEXT NOT NULL DEFAULT '{}',      -- field -> zero-based column
  status TEXT NOT NULL,                    -- uploaded | invalid | validated | committed | expired
  error_count INTEGER NOT NULL DEFAULT 0,
  report TEXT NOT NULL DEFAULT '[]',       -- row errors (row, column, field, messages; never cell values)
  result TEXT NOT NULL DEFAULT '{}',       -- what the commit created
  body_code TEXT NOT NULL,
  created_by BIGINT NOT NULL REFERENCES users (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  committed_at TEXT
);
CREATE INDEX imports_sha ON imports (kind, sha256);

-- External keys already imported (e.g. a clue number of the national platform), so the same clue
-- is not registered twice from two files.
CREATE TABLE import_keys (
  kind TEXT NOT NULL,
  external_key TEXT NOT NULL,
  import_id BIGINT NOT NULL REFERENCES imports (id),
  case_id BIGINT REFERENCES cases (id),
  PRIMARY KEY (kind, external_key)
);
