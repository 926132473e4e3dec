// A throw-away database per test file, on the same migrations as production:
// PGlite in memory by default, or a fresh database on TEST_DATABASE_URL's PostgreSQL server.
import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { PrismaClient } from "@/generated/prisma/client";
import { createPrismaClient } from "@/lib/core/db-adapter";
import { applyMigrations } from "@/prisma/migrate.mjs";

export type TestDb = {
  db: PrismaClient;
  kind: "pglite" | "postgres";
  /** The throw-away database's address (PostgreSQL only). */
  url?: string;
  close(): Promise<void>;
};

export async function createTestDb(): Promise<TestDb> {
  const url = process.env.TEST_DATABASE_URL;
  return url ? createPostgresDb(url) : createPgliteDb();
}

async function createPgliteDb(): Promise<TestDb> {
  const pglite = new PGlite("memory://");
  await applyMigrations(pglite);
  const db = createPrismaClient(undefined, pglite);
  return {
    db,
    kind: "pglite",
    async close() {
      await db.$disconnect();
      await pglite.close();
    },
  };
}

async function createPostgresDb(serverUrl: string): Promise<TestDb> {
  const name = `socle_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  await applyMigrations({ exec: (sql) => client.query(sql), query: (sql, params) => client.query(sql, params) });
  await client.end();
  const db = createPrismaClient(url.toString(), "");
  return {
    db,
    kind: "postgres",
    url: url.toString(),
    async close() {
      await db.$disconnect();
      await dropDatabase(serverUrl, name);
    },
  };
}

// The pool may still be closing its last connections when the file ends: retry a plain DROP for a
// moment, then FORCE (needs pg_signal_backend, which CI grants). A throw-away database that
// survives is only noise, so the last resort is a warning, never a failed suite.
async function dropDatabase(serverUrl: string, name: string) {
  const dropper = new pg.Client({ connectionString: serverUrl });
  await dropper.connect();
  try {
    for (let attempt = 0; attempt < 20; attempt++) {
      try {
        await dropper.query(`DROP DATABASE IF EXISTS ${name}`);
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch((error: Error) => {
      console.warn(`Base de test ${name} non supprimée : ${error.message}`);
    });
  } finally {
    await dropper.end();
  }
}
