// `npm run seed:scale [-- --establishments 3000 --answers 60 --pglite .data/scale]`: a synthetic
// nation (prisma/seed/scale.ts) into DATABASE_URL's PostgreSQL, or else into a PGlite folder
// (default .data/scale, never the demo's database). Migrations are applied first.
import { mkdirSync } from "node:fs";
import { parseArgs } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { createPrismaClient } from "@/lib/core/db-adapter";
import { applyMigrations } from "@/prisma/migrate.mjs";
import { seedScale } from "@/prisma/seed/scale";

const { values } = parseArgs({
  options: {
    establishments: { type: "string", default: "3000" },
    answers: { type: "string", default: "60" },
    pglite: { type: "string", default: ".data/scale" },
    tag: { type: "string", default: "S" },
  },
});

async function main() {
  const opts = { establishments: Number(values.establishments), answers: Number(values.answers), tag: values.tag };
  if (!(opts.establishments > 0 && opts.answers > 0))
    throw new Error("--establishments et --answers : entiers positifs.");
  const url = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "") ? process.env.DATABASE_URL : undefined;
  const started = performance.now();
  let summary;
  if (url) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const db = createPrismaClient(url, "");
    try {
      await applyMigrations({ exec: (sql) => client.query(sql), query: (sql, params) => client.query(sql, params) });
      summary = await seedScale(db, (sql, params) => client.query(sql, params as unknown[]), opts);
    } finally {
      await db.$disconnect();
      await client.end();
    }
  } else {
    mkdirSync(values.pglite!, { recursive: true });
    const pglite = new PGlite(values.pglite);
    await applyMigrations(pglite);
    const db = createPrismaClient(undefined, pglite);
    try {
      summary = await seedScale(db, (sql, params) => pglite.query(sql, params as unknown[]), opts);
    } finally {
      await db.$disconnect();
      await pglite.close();
    }
  }
  const where = url ? "PostgreSQL" : `PGlite (${values.pglite})`;
  console.log(
    `Nation synthétique dans ${where} en ${((performance.now() - started) / 1000).toFixed(1)} s : ` +
      `${summary.establishments} établissements, ${summary.ghts} GHT, ${summary.assessments} évaluations ` +
      `(${summary.submitted} soumises), ${summary.answers} réponses ; campagne ${summary.campaignId}.`,
  );
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
