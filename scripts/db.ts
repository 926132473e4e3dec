// Database chores run before the server starts (PGlite allows one process per data folder):
//   tsx scripts/db.ts migrate   apply pending migrations
//   tsx scripts/db.ts prepare   migrate, upsert reference data, seed the demo once
//   tsx scripts/db.ts seed      seed the demo now (idempotent)
//   tsx scripts/db.ts grants    give DATABASE_URL's role the app's privileges (PostgreSQL)
// On PostgreSQL with MIGRATION_DATABASE_URL, every chore runs as that owner role, and migrate and
// prepare end with the grants, so the app's role never owns (nor can alter) a table.
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { PrismaClient } from "@/generated/prisma/client";
import { pruneRateLimitHits } from "@/lib/auth/rate-limit-prune";
import { createPrismaClient } from "@/lib/core/db-adapter";
import { applyAppGrants, roleOf } from "@/lib/core/db-grants";
import { env } from "@/lib/core/env";
import { syncShippedReferentials } from "@/lib/referentials/store";
import { applyMigrations } from "@/prisma/migrate.mjs";
import { seedDemoCampaigns } from "@/prisma/seed/demo-campaigns";
import { seedDemo, seedPlaces } from "@/prisma/seed/seed";

const DEMO_FLAG = "demo.seededAt";

async function withDatabase<T>(
  run: (db: PrismaClient, migrate: () => Promise<string[]>, grant: () => Promise<string | null>) => Promise<T>,
): Promise<T> {
  if (env.postgresUrl) {
    const ownerUrl = env.migrationUrl ?? env.postgresUrl;
    const client = new pg.Client({ connectionString: ownerUrl });
    await client.connect();
    const db = createPrismaClient(ownerUrl, "");
    // Only with a separate owner: the app's role then gets exactly its grants.
    const grant = async () => {
      if (!env.migrationUrl) return null;
      const role = roleOf(env.postgresUrl!);
      await applyAppGrants(client, role);
      return role;
    };
    try {
      return await run(
        db,
        () => applyMigrations({ exec: (sql) => client.query(sql), query: (sql, params) => client.query(sql, params) }),
        grant,
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
    return await run(
      db,
      () => applyMigrations(pglite),
      async () => null,
    );
  } finally {
    await db.$disconnect();
    await pglite.close();
  }
}

// Demo data is seeded on the embedded database by default, and on PostgreSQL only when asked.
const demoWanted = () => (process.env.SOCLE_DEMO ?? (env.postgresUrl ? "0" : "1")) === "1";

async function main(command: string | undefined) {
  const where = env.postgresUrl ? "PostgreSQL" : `PGlite (${env.pgliteDir})`;
  await withDatabase(async (db, migrate, grant) => {
    if (command === "migrate" || command === "prepare") {
      const applied = await migrate();
      console.log(
        applied.length ? `Migrations appliquées sur ${where} : ${applied.join(", ")}` : `Base à jour (${where}).`,
      );
    }
    if (command === "migrate" || command === "prepare" || command === "grants") {
      const role = await grant();
      if (role)
        console.log(`Droits du rôle applicatif « ${role} » appliqués (journal d'audit : lecture et ajout seuls).`);
      else if (command === "grants")
        throw new Error("grants demande DATABASE_URL (rôle applicatif) et MIGRATION_DATABASE_URL (propriétaire).");
    }
    if (command === "prepare" || command === "seed") {
      await seedPlaces(db);
      const pruned = await pruneRateLimitHits(db);
      if (pruned > 0) console.log(`${pruned} tentative(s) anciennes retirées de la table des limites.`);
      // Shipped referential files become versions (new ones only; a changed published version stops here).
      await syncShippedReferentials(db);
      const seeded = await db.setting.findUnique({ where: { key: DEMO_FLAG } });
      if (command === "seed" || (demoWanted() && !seeded)) {
        await seedDemo(db);
        await seedDemoCampaigns(db);
        await db.setting.upsert({
          where: { key: DEMO_FLAG },
          create: { key: DEMO_FLAG, value: new Date().toISOString() },
          update: { value: new Date().toISOString() },
        });
        console.log("Données de démonstration chargées.");
      }
    }
    if (!["migrate", "prepare", "seed", "grants"].includes(command ?? "")) {
      throw new Error("Usage : tsx scripts/db.ts migrate|prepare|seed|grants");
    }
  });
}

main(process.argv[2]).catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
