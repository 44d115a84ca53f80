-- Wake-ups between instances are a PostgreSQL matter (0027_instance_wakeups.postgresql.sql): an
-- embedded SQLite database is served by one instance, whose own saves drop its cached settings.
SELECT 1;
