// `npm run bench`: one line per figure, each with its workload. Runs on a fresh PGlite, and on
// PostgreSQL too when BENCH_DATABASE_URL (or TEST_DATABASE_URL) points at a server.
import { createTestDb } from "@/test/db";
import { seedPlaces } from "@/prisma/seed/seed";
import { benchRawUpserts, createBenchAssessment } from "./answer-upsert";
import { benchAutosave } from "./autosave";
import { benchDossier } from "./dossier";
import { benchScoring } from "./scoring";
import { report } from "./stats";

const TOTAL = 5_000;
const KEYS = 1_000;

async function rawUpserts(label: string): Promise<number> {
  const { db, close } = await createTestDb();
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

async function main() {
  console.log(`Socle bench — ${new Date().toISOString()} — node ${process.version}`);
  const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  process.env.TEST_DATABASE_URL = "";
  const rawPglite = await rawUpserts("PGlite");
  if (pgUrl) {
    process.env.TEST_DATABASE_URL = pgUrl;
    await rawUpserts("PostgreSQL");
  } else {
    console.log("answer upsert, PostgreSQL: skipped (set BENCH_DATABASE_URL=postgres://… to measure it)");
  }
  process.env.TEST_DATABASE_URL = "";
  console.log(await benchScoring());
  for (const line of await benchDossier()) console.log(line);
  await benchAutosave(rawPglite);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
