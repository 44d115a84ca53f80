-- Wake-ups between the instances on one database (issue 16; store/postgres_listener.h). A
-- transaction that changes the operator settings or writes notices sends a NOTIFY, delivered when it
-- commits (and not at all if it rolls back): every instance then drops its cached settings at once,
-- instead of within 30 s, and its notification hub reads the new notices at once, instead of at
-- its next poll. Statement-level triggers: one NOTIFY per statement, folded into one per
-- transaction by PostgreSQL. The trigger names its channel.
CREATE FUNCTION wagelink_wake_instances() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify(TG_ARGV[0], '');
  RETURN NULL;
END
$$;
CREATE TRIGGER settings_changed AFTER INSERT OR UPDATE OR DELETE ON settings
  FOR EACH STATEMENT EXECUTE FUNCTION wagelink_wake_instances('wagelink_settings');
CREATE TRIGGER notifications_written AFTER INSERT ON notifications
  FOR EACH STATEMENT EXECUTE FUNCTION wagelink_wake_instances('wagelink_notifications');
