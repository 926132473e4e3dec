import "server-only";
import { PrismaClient } from "@/generated/prisma/client";
import { env } from "./env";
import { createPrismaClient } from "./db-adapter";

// One client per server process, kept on globalThis in every mode: Next bundles route handlers and
// pages separately, and two module instances would open two PGlite instances on one data folder,
// each blind to the other's writes. The seed and migrations run before the server starts
// (scripts/start.mjs), never beside it, for the same reason.
const globalForDb = globalThis as unknown as { socleDb?: PrismaClient };

export const db: PrismaClient = (globalForDb.socleDb ??= createPrismaClient(env.postgresUrl, env.pgliteDir));

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
