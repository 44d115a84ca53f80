-- The roles a WageLink primary needs (run once as the postgres superuser on the primary):
--   psql -v replicator_password="'...'" -v wagelink_password="'...'" -f replication-user.sql
CREATE ROLE replicator WITH REPLICATION LOGIN PASSWORD :replicator_password;
CREATE ROLE wagelink WITH LOGIN PASSWORD :wagelink_password;
CREATE DATABASE wagelink OWNER wagelink ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0;
-- The standby's slot is created by pg_basebackup -C -S standby1; by hand:
-- SELECT pg_create_physical_replication_slot('standby1');
