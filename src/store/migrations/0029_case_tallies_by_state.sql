-- The running totals now also keep how many cases each scope holds in each state ('state:<code>'),
-- so that the case list counts every filter without a search exactly (issue 16). The totals of the
-- cases already stored are recounted when the server next opens the database, as after 0028.
INSERT INTO case_tallies (scope, metric, value) VALUES ('', 'recount', 1) ON CONFLICT (scope, metric) DO NOTHING;
-- The dashboard counts overdue clocks as it reads (store/dashboard_repository.cpp, kOverdue): the
-- index now holds every column that count reads, so it never visits the clocks themselves.
DROP INDEX case_clocks_open_due;
CREATE INDEX case_clocks_open_due ON case_clocks (due_at, responsible_body, case_id, kind, stopped_at)
  WHERE stopped_at IS NULL AND kind = 'duty';
