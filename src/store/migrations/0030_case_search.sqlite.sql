-- Free-text search over a case's number, title, project and employer (issue 16): a trigram index
-- (FTS5), so a search for three or more characters finds its cases without reading every case.
-- Shorter terms (公司, 张某) have no trigram and are matched by reading the cases, as before
-- (CaseRepository, kTrigramLength). One row per case, rowid = case id, kept in step by triggers:
-- an employer's name never changes once stored, so only the case's own columns are watched.
-- The fields are joined by a line break, which no search term holds, so no match spans two fields;
-- the view case_searchable says how, once, for the triggers and the first fill.
CREATE VIRTUAL TABLE case_search USING fts5(case_id UNINDEXED, searchable, tokenize = 'trigram');

CREATE VIEW case_searchable (case_id, searchable) AS
SELECT c.id, c.case_no || char(10) || c.title || char(10) || c.project_name || char(10) || e.name
FROM cases c JOIN employers e ON e.id = c.employer_id;

CREATE TRIGGER case_search_insert AFTER INSERT ON cases BEGIN
  INSERT INTO case_search (rowid, case_id, searchable)
  SELECT case_id, case_id, searchable FROM case_searchable WHERE case_id = new.id;
END;

CREATE TRIGGER case_search_update AFTER UPDATE OF case_no, title, project_name, employer_id ON cases BEGIN
  DELETE FROM case_search WHERE rowid = old.id;
  INSERT INTO case_search (rowid, case_id, searchable)
  SELECT case_id, case_id, searchable FROM case_searchable WHERE case_id = new.id;
END;

CREATE TRIGGER case_search_delete AFTER DELETE ON cases BEGIN
  DELETE FROM case_search WHERE rowid = old.id;
END;

INSERT INTO case_search (rowid, case_id, searchable) SELECT case_id, case_id, searchable FROM case_searchable;
