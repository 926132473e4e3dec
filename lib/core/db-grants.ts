import { readFileSync } from "node:fs";
import path from "node:path";

// The app role's grants (prisma/app-role-grants.sql), for scripts/db.ts and the role test.

type SqlClient = { query(sql: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }> };

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

export function appGrantsSql(appRole: string): string {
  const file = path.resolve(/*turbopackIgnore: true*/ process.cwd(), "prisma", "app-role-grants.sql");
  return readFileSync(file, "utf8").replaceAll(":app_role", quoteIdent(appRole));
}

/** The user name of a postgres:// address. */
export function roleOf(url: string): string {
  return decodeURIComponent(new URL(url).username);
}

/**
 * Applies the grants to `appRole`, run by the owner. Refuses an app role that is the owner, a
 * superuser, or owns the audit table: it could then rewrite the trail whatever the grants say.
 */
export async function applyAppGrants(owner: SqlClient, appRole: string): Promise<void> {
  const { rows } = await owner.query(
    `SELECT r.rolsuper AS super, (SELECT tableowner FROM pg_tables WHERE tablename = 'AuditEvent' AND schemaname = 'public') AS owner
       FROM pg_roles r WHERE r.rolname = $1`,
    [appRole],
  );
  const row = rows[0];
  if (!row) throw new Error(`Le rôle PostgreSQL « ${appRole} » n'existe pas : créez-le (CREATE ROLE … LOGIN).`);
  if (row.super) throw new Error(`Le rôle de l'application « ${appRole} » est superutilisateur : refusé.`);
  if (row.owner === appRole)
    throw new Error(
      `Le rôle de l'application « ${appRole} » possède les tables : lancez les migrations avec un autre rôle (MIGRATION_DATABASE_URL).`,
    );
  for (const statement of appGrantsSql(appRole)
    .split("\n")
    .filter((line) => line.trim() && !line.trim().startsWith("--"))) {
    await owner.query(statement);
  }
}
