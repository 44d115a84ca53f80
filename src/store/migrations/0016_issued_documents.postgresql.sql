-- Issue 15: documents are issued by the steps of a case, numbered in their body's own series per
-- document type (sequences: document.<body>.<kind>), signed with the body's full legal name from
-- data/document_issuers.json, and dated with the day of the act.
ALTER TABLE documents DROP CONSTRAINT documents_body_code_year_seq_key;
ALTER TABLE documents ADD COLUMN series TEXT;
UPDATE documents SET series = kind;
ALTER TABLE documents ALTER COLUMN series SET NOT NULL;
ALTER TABLE documents ADD COLUMN issuer_name TEXT NOT NULL DEFAULT '';
ALTER TABLE documents ADD COLUMN document_date TEXT NOT NULL DEFAULT '';
UPDATE documents SET document_date = substr(issued_at, 1, 10);
ALTER TABLE documents ADD COLUMN step TEXT NOT NULL DEFAULT '';
ALTER TABLE documents ADD CONSTRAINT documents_series_number UNIQUE (body_code, series, year, seq);
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
