// Opens the configured database for a script: PostgreSQL when DATABASE_URL says so, else the
// embedded PGlite folder (one process at a time: the server must not be running). `migrate`
// applies pending migrations (prisma/migrate.mjs) and returns their names. On PostgreSQL with
// MIGRATION_DATABASE_URL, the script runs as that owner role, and `grant` gives DATABASE_URL's
// role exactly the app's privileges, so the app's role never owns (nor can alter) a table.
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import type { PrismaClient } from "@/generated/prisma/client";
import { createPrismaClient } from "@/lib/core/db-adapter";
import { applyAppGrants, roleOf } from "@/lib/core/db-grants";
import { env } from "@/lib/core/env";
import { applyMigrations } from "@/prisma/migrate.mjs";

export async function withDatabase<T>(
  run: (db: PrismaClient, migrate: () => Promise<string[]>, grant: () => Promise<string | null>) => Promise<T>,
): Promise<T> {
  if (env.postgresUrl) {
    const ownerUrl = env.migrationUrl ?? env.postgresUrl;
    const client = new pg.Client({ connectionString: ownerUrl });
    await client.connect();
    const db = createPrismaClient(ownerUrl, "");
    // Only with a separate owner: the app's role then gets exactly its grants.
    const grant = async () => {
      if (!env.migrationUrl) return null;
      const role = roleOf(env.postgresUrl!);
      await applyAppGrants(client, role);
      return role;
    };
    try {
      return await run(
        db,
        () => applyMigrations({ exec: (sql) => client.query(sql), query: (sql, params) => client.query(sql, params) }),
        grant,
      );
    } finally {
      await db.$disconnect();
      await client.end();
    }
  }
  mkdirSync(env.pgliteDir, { recursive: true });
  const pglite = new PGlite(env.pgliteDir);
  const db = createPrismaClient(undefined, pglite);
  try {
    return await run(
      db,
      () => applyMigrations(pglite),
      async () => null,
    );
  } finally {
    await db.$disconnect();
    await pglite.close();
  }
}
