// Database chores run before the server starts (PGlite allows one process per data folder):
//   tsx scripts/db.ts migrate   apply pending migrations
//   tsx scripts/db.ts prepare   migrate, upsert reference data, seed the demo once
//   tsx scripts/db.ts seed      seed the demo now (idempotent)
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { PrismaClient } from "@/generated/prisma/client";
import { createPrismaClient } from "@/lib/core/db-adapter";
import { env } from "@/lib/core/env";
import { syncShippedReferentials } from "@/lib/referentials/store";
import { applyMigrations } from "@/prisma/migrate.mjs";
import { seedDemoCampaigns } from "@/prisma/seed/demo-campaigns";
import { seedDemoRegional } from "@/prisma/seed/demo-regional";
import { seedDemo, seedPlaces } from "@/prisma/seed/seed";

const DEMO_FLAG = "demo.seededAt";

async function withDatabase<T>(run: (db: PrismaClient, migrate: () => Promise<string[]>) => Promise<T>): Promise<T> {
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

// Demo data is seeded on the embedded database by default, and on PostgreSQL only when asked.
const demoWanted = () => (process.env.SOCLE_DEMO ?? (env.postgresUrl ? "0" : "1")) === "1";

async function main(command: string | undefined) {
  const where = env.postgresUrl ? "PostgreSQL" : `PGlite (${env.pgliteDir})`;
  await withDatabase(async (db, migrate) => {
    if (command === "migrate" || command === "prepare") {
      const applied = await migrate();
      console.log(
        applied.length ? `Migrations appliquées sur ${where} : ${applied.join(", ")}` : `Base à jour (${where}).`,
      );
    }
    if (command === "prepare" || command === "seed") {
      await seedPlaces(db);
      // Shipped referential files become versions (new ones only; a changed published version stops here).
      await syncShippedReferentials(db);
      const seeded = await db.setting.findUnique({ where: { key: DEMO_FLAG } });
      if (command === "seed" || (demoWanted() && !seeded)) {
        await seedDemo(db);
        await seedDemoCampaigns(db);
        await seedDemoRegional(db);
        await db.setting.upsert({
          where: { key: DEMO_FLAG },
          create: { key: DEMO_FLAG, value: new Date().toISOString() },
          update: { value: new Date().toISOString() },
        });
        console.log("Données de démonstration chargées.");
      }
    }
    if (!["migrate", "prepare", "seed"].includes(command ?? "")) {
      throw new Error("Usage : tsx scripts/db.ts migrate|prepare|seed");
    }
  });
}

main(process.argv[2]).catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
