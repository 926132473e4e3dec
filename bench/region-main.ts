// The region part of `npm run bench` (see bench/region.ts), on PGlite in memory, then on
// BENCH_DATABASE_URL's (or TEST_DATABASE_URL's) PostgreSQL in a scratch database when one is given.
import { createTestDb } from "@/test/db";
import { benchRegion } from "./region";

async function main() {
  const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  process.env.TEST_DATABASE_URL = "";
  await benchRegion("PGlite", createTestDb);
  if (pgUrl) {
    process.env.TEST_DATABASE_URL = pgUrl;
    await benchRegion("PostgreSQL", createTestDb);
  } else console.log("region, PostgreSQL: skipped (set BENCH_DATABASE_URL=postgres://… to measure it)");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
