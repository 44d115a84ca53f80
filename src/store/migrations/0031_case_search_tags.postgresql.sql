-- What a search may be narrowed by, beside the searchable text, in ONE index (issue 16): each case's
-- state ('state:trial') and the bodies that are parties to it ('party:police'). A police officer's
-- search for a term found in 100,000 of 1,000,000 cases must count the ones the police are a party
-- to, and the trigram index alone hands over all 100,000 to be checked against case_parties
-- (590-640 ms); a multi-column GIN index intersects the term's trigrams with the tags before a row
-- is read (about 30 ms; bench/README.md). Arrays have a GIN operator class of their own, so no
-- extension is needed beyond pg_trgm. The trigram-only index stays: the planner prefers it for a
-- term alone, which the two-column index answers about three times slower (90 against 33 ms for a
-- term with 40,000 candidates over 1,000,000 cases); a separate index of the tags intersected with
-- it (BitmapAnd) still rechecks every case of the term (160 ms).
-- Kept by triggers: its tags are written again when a case's state changes or a party is added
-- (parties are only ever added: need-to-know grows with the case). A new case's row is written when
-- its transaction commits, not when the case is inserted: its first parties and steps follow in the
-- same transaction, and each rewrite of the row writes all its trigrams into both indexes again
-- (about a third more PostgreSQL time for a 10,000-complaint import; bench/README.md). Until then
-- the retagging triggers find no row to update, and no search reads an uncommitted case.
ALTER TABLE case_search ADD COLUMN tags TEXT[] NOT NULL DEFAULT '{}';

CREATE FUNCTION case_search_tags(wanted BIGINT) RETURNS TEXT[] LANGUAGE sql STABLE AS $$
  SELECT ARRAY['state:' || c.state] ||
         COALESCE((SELECT array_agg('party:' || p.body_code ORDER BY p.body_code) FROM case_parties p WHERE p.case_id = c.id),
                  '{}')
  FROM cases c WHERE c.id = wanted
$$;

CREATE OR REPLACE FUNCTION case_search_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO case_search (case_id, searchable, tags)
  SELECT case_id, searchable, case_search_tags(case_id) FROM case_searchable WHERE case_id = NEW.id
  ON CONFLICT (case_id) DO UPDATE SET searchable = EXCLUDED.searchable, tags = EXCLUDED.tags;
  RETURN NULL;
END
$$;

DROP TRIGGER case_search_insert ON cases;
CREATE CONSTRAINT TRIGGER case_search_insert AFTER INSERT ON cases DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION case_search_refresh();

-- The trigger names the column that holds the case's id: cases call it id, case_parties case_id.
CREATE FUNCTION case_search_retag() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed BIGINT := CAST(to_jsonb(NEW) ->> TG_ARGV[0] AS BIGINT);
BEGIN
  UPDATE case_search SET tags = case_search_tags(changed) WHERE case_id = changed;
  RETURN NULL;
END
$$;
CREATE TRIGGER case_search_state AFTER UPDATE OF state ON cases
  FOR EACH ROW WHEN (OLD.state IS DISTINCT FROM NEW.state) EXECUTE FUNCTION case_search_retag('id');
CREATE TRIGGER case_search_party AFTER INSERT ON case_parties
  FOR EACH ROW EXECUTE FUNCTION case_search_retag('case_id');

UPDATE case_search s SET tags = ARRAY['state:' || c.state] || COALESCE(p.tags, '{}')
FROM cases c LEFT JOIN (SELECT case_id, array_agg('party:' || body_code ORDER BY body_code) AS tags
                        FROM case_parties GROUP BY case_id) p ON p.case_id = c.id
WHERE c.id = s.case_id;

CREATE INDEX case_search_searchable_tags ON case_search USING gin (searchable gin_trgm_ops, tags);
