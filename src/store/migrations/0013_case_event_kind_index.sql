-- Finding the cases where a given step was taken (the procuratorate's early interventions on its
-- workbench) without reading every case's timeline: events by kind, then case, newest last.
CREATE INDEX case_events_kind ON case_events (event, case_id, id);
