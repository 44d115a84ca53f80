-- The parties and state beside the searchable text are a PostgreSQL matter
-- (0031_case_search_tags.postgresql.sql): FTS5 has no second column to intersect with the term, and
-- on SQLite reading the cases to count a common term within one body's cases costs about 60 ms over
-- 1,000,000 cases (bench/README.md), within the target.
SELECT 1;
