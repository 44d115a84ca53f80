-- Issue 15: documents are issued by the steps of a case, numbered in their body's own series per
-- document type (sequences: document.<body>.<kind>), signed with the body's full legal name from
-- data/document_issuers.json, and dated with the day of the act. SQLite cannot drop the old
-- UNIQUE (body_code, year, seq), so the table is rebuilt; nothing references it.
CREATE TABLE documents_issued (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  case_id BIGINT NOT NULL REFERENCES cases (id),
  kind TEXT NOT NULL,                   -- data/templates/<kind>.json
  body_code TEXT NOT NULL,              -- issuing body
  series TEXT NOT NULL,                 -- the number series: the document type (= kind)
  year INTEGER NOT NULL,                -- numbering year (Asia/Shanghai)
  seq BIGINT NOT NULL,                  -- number within body, series and year
  doc_no TEXT NOT NULL,                 -- e.g. 示劳监移〔2026〕3号
  title TEXT NOT NULL,
  issuer_name TEXT NOT NULL DEFAULT '', -- the body's full name as printed on the document
  document_date TEXT NOT NULL DEFAULT '', -- 成文日期, YYYY-MM-DD: the day of the act
  step TEXT NOT NULL DEFAULT '',        -- the step (case event code) that issued it; '' = issued on its own
  view_model TEXT NOT NULL,             -- docs::PdfDocument as JSON, without watermark
  overrides TEXT NOT NULL DEFAULT '{}', -- edited DERIVED wording, field -> text
  pdf_base64 TEXT NOT NULL,             -- the bytes as issued: never re-rendered with newer data
  sha256 TEXT NOT NULL,                 -- of the PDF bytes as issued
  byte_size BIGINT NOT NULL,
  pages INTEGER NOT NULL,
  event_id BIGINT NOT NULL REFERENCES case_events (id),
  issued_by BIGINT NOT NULL REFERENCES users (id),
  issued_by_username TEXT NOT NULL,
  issued_at TEXT NOT NULL,
  UNIQUE (body_code, series, year, seq)
);
INSERT INTO documents_issued (id, case_id, kind, body_code, series, year, seq, doc_no, title, issuer_name, document_date,
                              step, view_model, overrides, pdf_base64, sha256, byte_size, pages, event_id, issued_by,
                              issued_by_username, issued_at)
SELECT id, case_id, kind, body_code, kind, year, seq, doc_no, title, '', substr(issued_at, 1, 10), '', view_model,
       overrides, pdf_base64, sha256, byte_size, pages, event_id, issued_by, issued_by_username, issued_at
FROM documents;
DROP TABLE documents;
ALTER TABLE documents_issued RENAME TO documents;
CREATE INDEX documents_case ON documents (case_id, id);
-- A series' counter starts after the highest number an older document of that type holds, so the
-- new per-type series never repeat a number already issued.
INSERT INTO sequences (name, year, next_value)
SELECT 'document.' || body_code || '.' || kind, year, MAX(seq) + 1 FROM documents GROUP BY body_code, kind, year;

-- Bulletins carry a 期号 shown to people (〔2026〕第11期), numbered per year of issue.
ALTER TABLE bulletins ADD COLUMN issue_year INTEGER NOT NULL DEFAULT 0;
ALTER TABLE bulletins ADD COLUMN issue_seq BIGINT NOT NULL DEFAULT 0;
UPDATE bulletins SET issue_year = CAST(substr(generated_at, 1, 4) AS INTEGER);
UPDATE bulletins SET issue_seq = (SELECT COUNT(*) FROM bulletins b WHERE b.issue_year = bulletins.issue_year AND b.id <= bulletins.id);
INSERT INTO sequences (name, year, next_value)
SELECT 'bulletin.issue', issue_year, MAX(issue_seq) + 1 FROM bulletins GROUP BY issue_year;
CREATE UNIQUE INDEX bulletins_issue_no ON bulletins (issue_year, issue_seq) WHERE issue_seq > 0;
