// A throw-away database per test file, on the same migrations as production:
// PGlite in memory by default, or a fresh database on TEST_DATABASE_URL's PostgreSQL server.
import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { PrismaClient } from "@/generated/prisma/client";
import { createAdapter } from "@/lib/core/db-adapter";
import { applyMigrations } from "@/prisma/migrate.mjs";

export type TestDb = { db: PrismaClient; kind: "pglite" | "postgres"; close(): Promise<void> };

export async function createTestDb(): Promise<TestDb> {
  const url = process.env.TEST_DATABASE_URL;
  return url ? createPostgresDb(url) : createPgliteDb();
}

async function createPgliteDb(): Promise<TestDb> {
  const pglite = new PGlite("memory://");
  await applyMigrations(pglite);
  const db = new PrismaClient({ adapter: createAdapter(undefined, pglite) });
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
  const db = new PrismaClient({ adapter: createAdapter(url.toString(), "") });
  return {
    db,
    kind: "postgres",
    async close() {
      await db.$disconnect();
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}
