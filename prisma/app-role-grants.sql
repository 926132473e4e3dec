-- The privileges of the application's PostgreSQL role (DATABASE_URL), applied by
-- `tsx scripts/db.ts grants` and after every `migrate`/`prepare` when MIGRATION_DATABASE_URL is
-- set. Migrations run as the owner (MIGRATION_DATABASE_URL), who owns every table, trigger and
-- function; the app role owns nothing, so it can neither ALTER nor DROP them, nor disable a
-- trigger. On the audit trail it may only INSERT and SELECT.
-- :app_role is replaced by the quoted role name. Create the role first, as an administrator:
--   CREATE ROLE socle_app LOGIN PASSWORD '…';
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO :app_role;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO :app_role;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO :app_role;
REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA public FROM :app_role;
REVOKE UPDATE, DELETE, TRUNCATE ON "AuditEvent" FROM :app_role;
REVOKE ALL ON "_socle_migrations" FROM :app_role;
