-- Issue 16: the dashboard's (驾驶舱) case figures and funnel as running totals, kept in the same
-- transaction as every change to a case (store/case_tally_repository.h), so that a region with a
-- million cases reads them in one indexed look-up instead of aggregating every case and event.
-- scope '*' is the whole region; any other scope is a body code (the cases it is a party to).
CREATE TABLE case_tallies (
  scope TEXT NOT NULL,
  metric TEXT NOT NULL,
  value BIGINT NOT NULL,
  PRIMARY KEY (scope, metric)
);
-- Which open duty clocks are overdue depends on the moment of reading, so the dashboard counts them
-- as it reads (the running totals keep how many are open): O(overdue clocks), not O(open ones).
CREATE INDEX case_clocks_open_due ON case_clocks (due_at) WHERE stopped_at IS NULL AND kind = 'duty';
-- The totals of the cases already stored are counted when the server next opens the database
-- (CaseTallyRepository::RecountIfAsked): the rule lives in C++, not in this file. Bulk loaders that
-- write cases directly (bench/generate.py) ask for a recount the same way.
INSERT INTO case_tallies (scope, metric, value) VALUES ('', 'recount', 1);
