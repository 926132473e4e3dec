import "server-only";
import { PrismaClient } from "@/generated/prisma/client";
import { env } from "./env";
import { createAdapter } from "./db-adapter";

// One client per server process. PGlite allows a single process per data folder, so the seed and
// the migrations run before the server starts (scripts/start.mjs), never beside it.
const globalForDb = globalThis as unknown as { socleDb?: PrismaClient };

export const db: PrismaClient =
  globalForDb.socleDb ?? new PrismaClient({ adapter: createAdapter(env.postgresUrl, env.pgliteDir) });

if (env.nodeEnv !== "production") globalForDb.socleDb = db;

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
