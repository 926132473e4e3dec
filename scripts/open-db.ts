// Opens the configured database for a script: PostgreSQL when DATABASE_URL says so, else the
// embedded PGlite folder (one process at a time: the server must not be running). `migrate`
// applies pending migrations (prisma/migrate.mjs) and returns their names.
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import type { PrismaClient } from "@/generated/prisma/client";
import { createPrismaClient } from "@/lib/core/db-adapter";
import { env } from "@/lib/core/env";
import { applyMigrations } from "@/prisma/migrate.mjs";

export async function withDatabase<T>(
  run: (db: PrismaClient, migrate: () => Promise<string[]>) => Promise<T>,
): Promise<T> {
  if (env.postgresUrl) {
    const client = new pg.Client({ connectionString: env.postgresUrl });
    await client.connect();
    const db = createPrismaClient(env.postgresUrl, "");
    try {
      return await run(db, () =>
        applyMigrations({ exec: (sql) => client.query(sql), query: (sql, params) => client.query(sql, params) }),
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
    return await run(db, () => applyMigrations(pglite));
  } finally {
    await db.$disconnect();
    await pglite.close();
  }
}
