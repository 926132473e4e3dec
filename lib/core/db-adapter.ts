import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "@/generated/prisma/client";

/** Runs one parameterised statement on the driver under a Prisma client and returns its rows. */
export type DirectRows = <T>(sql: string, params: unknown[]) => Promise<T[]>;

// The driver under each client, for the one statement where Prisma's query layer costs as much as
// the statement itself (the autosave, lib/assessments/answer-write.ts). Same pool, same PGlite
// instance: PGlite serialises this statement with Prisma's transactions like any other query.
// Kept on the client under a registered symbol: Next bundles this module more than once.
const DIRECT = Symbol.for("socle.directRows");

function attach(client: PrismaClient, rows: DirectRows): PrismaClient {
  Object.defineProperty(client, DIRECT, { value: rows });
  return client;
}

/** The driver of `client`, when it was opened by createPrismaClient. */
export function directRowsOf(client: object): DirectRows | undefined {
  return (client as { [DIRECT]?: DirectRows })[DIRECT];
}

/**
 * A Prisma client on PostgreSQL when a URL is given, else on the embedded PGlite in a folder (or
 * an instance already open). $disconnect() ends the PostgreSQL pool; a PGlite is closed by its owner.
 */
export function createPrismaClient(postgresUrl: string | undefined, pglite: string | PGlite): PrismaClient {
  if (postgresUrl) {
    const pool = new pg.Pool({ connectionString: postgresUrl, max: 10 });
    const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
    return attach(client, async (sql, params) => (await pool.query(sql, params)).rows);
  }
  const instance = typeof pglite === "string" ? pgliteAt(pglite) : pglite;
  return attach(
    new PrismaClient({ adapter: new PrismaPGlite(instance) }),
    async (sql, params) => (await instance.query(sql, params)).rows as never,
  );
}

/** One PGlite per data folder per process, whoever asks: a second instance would lose writes. */
function pgliteAt(dir: string): PGlite {
  const open = ((globalThis as { soclePglite?: Map<string, PGlite> }).soclePglite ??= new Map());
  let instance = open.get(dir);
  if (!instance) {
    mkdirSync(dir, { recursive: true });
    instance = new PGlite(dir);
    open.set(dir, instance);
  }
  return instance;
}
