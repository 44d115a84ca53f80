-- Free-text search over a case's number, title, project and employer (issue 16): a trigram index
-- (pg_trgm, shipped with PostgreSQL; a trusted extension, so the database's owner may create it),
-- so a search for three or more characters finds its cases without reading every case. Shorter
-- terms (公司, 张某) have no trigram and are matched by reading the cases, as before
-- (CaseRepository, kTrigramLength). One row per case, kept in step by a trigger: an employer's name
-- never changes once stored, so only the case's own columns are watched. The fields are joined by a
-- line break, which no search term holds, so no match spans two fields; the view case_searchable says
-- how, once, for the trigger and the first fill. Chinese characters make trigrams only under a
-- UTF-8 character type (LC_CTYPE, e.g. C.UTF-8; docs/operations.md).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE case_search (
  case_id BIGINT PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
  searchable TEXT NOT NULL
);

CREATE VIEW case_searchable (case_id, searchable) AS
SELECT c.id, c.case_no || chr(10) || c.title || chr(10) || c.project_name || chr(10) || e.name
FROM cases c JOIN employers e ON e.id = c.employer_id;

CREATE FUNCTION case_search_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO case_search (case_id, searchable)
  SELECT case_id, searchable FROM case_searchable WHERE case_id = NEW.id
  ON CONFLICT (case_id) DO UPDATE SET searchable = EXCLUDED.searchable;
  RETURN NULL;
END
$$;
CREATE TRIGGER case_search_insert AFTER INSERT ON cases
  FOR EACH ROW EXECUTE FUNCTION case_search_refresh();
CREATE TRIGGER case_search_update AFTER UPDATE OF case_no, title, project_name, employer_id ON cases
  FOR EACH ROW EXECUTE FUNCTION case_search_refresh();

INSERT INTO case_search (case_id, searchable) SELECT case_id, searchable FROM case_searchable;
CREATE INDEX case_search_searchable ON case_search USING gin (searchable gin_trgm_ops);
