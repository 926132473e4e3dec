// `npm run bench`: one line per figure, each with its workload. Runs on a fresh PGlite, and on
// PostgreSQL too when BENCH_DATABASE_URL (or TEST_DATABASE_URL) points at a server. The npm script
// sets NODE_ENV=production, as the server runs: React's development build would weigh on the PDF.
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { createPrismaClient } from "@/lib/core/db-adapter";
import { applyMigrations } from "@/prisma/migrate.mjs";
import { createTestDb, type TestDb } from "@/test/db";
import { seedPlaces } from "@/prisma/seed/seed";
import { benchRawUpserts, createBenchAssessment } from "./answer-upsert";
import { benchAutosave } from "./autosave";
import { benchScoring } from "./scoring";
import { report } from "./stats";

const TOTAL = 5_000;
const KEYS = 1_000;

/** A file-backed PGlite in a fresh folder: the storage the server itself runs on. */
async function fileBackedDb(): Promise<TestDb> {
  const dir = ".data/bench-raw";
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const pglite = new PGlite(dir);
  await applyMigrations(pglite);
  const db = createPrismaClient(undefined, pglite);
  return {
    db,
    kind: "pglite",
    close: async () => (await db.$disconnect(), await pglite.close(), rmSync(dir, { recursive: true, force: true })),
  };
}

async function rawUpserts(label: string, open: () => Promise<TestDb> = createTestDb): Promise<number> {
  const { db, close } = await open();
  try {
    await seedPlaces(db);
    const assessmentId = await createBenchAssessment(db, "1");
    await benchRawUpserts(db, assessmentId, 500, KEYS, 1); // warm-up
    const sequential = await benchRawUpserts(db, assessmentId, TOTAL, KEYS, 1);
    report(`answer upsert, ${label}, sequential`, `${TOTAL} upserts over ${KEYS} keys, one process`, sequential);
    const concurrent = await benchRawUpserts(db, assessmentId, TOTAL, KEYS, 16);
    report(`answer upsert, ${label}, 16 concurrent`, `${TOTAL} upserts over ${KEYS} keys, one process`, concurrent);
    return sequential.perSecond;
  } finally {
    await close();
  }
}

/**
 * The dossier part in a fresh process with --expose-gc (see dossier.ts): a cold render that is
 * really cold, and no heap of the database parts under the renders.
 */
function benchDossierApart() {
  const warm: Record<string, number> = {};
  for (const setting of ["on", "off"]) {
    const run = spawnSync(process.execPath, ["--expose-gc", "--import", "tsx", "bench/dossier-main.ts"], {
      stdio: ["inherit", "pipe", "inherit"],
      encoding: "utf8",
      env: { ...process.env, SOCLE_DOSSIER_INTERNALS: setting },
    });
    process.stdout.write(run.stdout);
    if (run.status !== 0) throw new Error(`dossier bench failed (exit ${run.status})`);
    const ms = /warm: (\d+) ms/.exec(run.stdout)?.[1];
    if (ms) warm[setting] = Number(ms);
  }
  if (warm.on && warm.off) {
    const saved = Math.round((1 - warm.on / warm.off) * 100);
    console.log(
      `dossier PDF, what the internals save: ${saved} % of the warm render (${warm.on} ms on, ${warm.off} ms off) [keep them only at ≥ 20 %]`,
    );
  }
}

/** The autosave's write paths compared in a process of their own (see autosave-paths.ts). */
function benchAutosavePaths(databaseUrl: string) {
  const run = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "bench/autosave-paths.ts"], {
    stdio: "inherit",
    env: { ...process.env, TEST_DATABASE_URL: databaseUrl },
  });
  if (run.status !== 0) throw new Error(`autosave paths bench failed (exit ${run.status})`);
}

// `npm run bench -- autosave dossier` runs only those parts (the raw upserts run with autosave:
// they are its baseline).
async function main() {
  const only = process.argv.slice(2);
  const wants = (part: string) => only.length === 0 || only.includes(part);
  console.log(`Socle bench — ${new Date().toISOString()} — node ${process.version}`);
  if (wants("scoring")) console.log(await benchScoring());
  if (wants("dossier")) benchDossierApart();
  if (wants("region")) regionPart();
  if (!wants("autosave")) return;
  const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  process.env.TEST_DATABASE_URL = "";
  await rawUpserts("PGlite in memory");
  const rawPglite = await rawUpserts("PGlite on disk", fileBackedDb);
  let rawPostgres = 0;
  if (pgUrl) {
    process.env.TEST_DATABASE_URL = pgUrl;
    rawPostgres = await rawUpserts("PostgreSQL");
  } else {
    console.log("answer upsert, PostgreSQL: skipped (set BENCH_DATABASE_URL=postgres://… to measure it)");
  }
  process.env.TEST_DATABASE_URL = "";
  benchAutosavePaths("");
  if (pgUrl) benchAutosavePaths(pgUrl);
  await benchAutosave(rawPglite, { label: "PGlite on disk" });
  if (pgUrl) await withScratchDatabase(pgUrl, (url) => benchAutosave(rawPostgres, { label: "PostgreSQL", url }));
}

/**
 * The regional comparison at scale (bench/region-main.ts), in a fresh process under the
 * "react-server" condition, as the server runs lib/region (its modules are marked server-only).
 */
function regionPart() {
  const run = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "bench/region-main.ts"], {
    stdio: "inherit",
  });
  if (run.status !== 0) throw new Error(`region bench failed (exit ${run.status})`);
}

/** A fresh database on the server of `serverUrl` for the duration of `run`. */
async function withScratchDatabase(serverUrl: string, run: (url: string) => Promise<void>) {
  const name = `socle_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  try {
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    await run(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
    await admin.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
