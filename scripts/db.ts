// Database chores run before the server starts (PGlite allows one process per data folder):
//   tsx scripts/db.ts migrate   apply pending migrations
//   tsx scripts/db.ts prepare   migrate, upsert reference data, seed the demo once
//   tsx scripts/db.ts seed      seed the demo now (idempotent)
//   tsx scripts/db.ts admin-create [--email x] [--name y] [--generate]   the first platform admin
//   tsx scripts/db.ts grants    give DATABASE_URL's role the app's privileges (PostgreSQL)
// On PostgreSQL with MIGRATION_DATABASE_URL, every chore runs as that owner role, and migrate and
// prepare end with the grants (scripts/open-db.ts).
import { writeFileSync } from "node:fs";
import { stdin, stdout } from "node:process";
import { createInterface } from "node:readline/promises";
import type { PrismaClient } from "@/generated/prisma/client";
import { pruneRateLimitHits } from "@/lib/auth/rate-limit-prune";
import { env } from "@/lib/core/env";
import { createFirstAdmin } from "@/lib/admin/first-admin";
import { syncShippedReferentials } from "@/lib/referentials/store";
import { seedDemoCampaigns } from "@/prisma/seed/demo-campaigns";
import { seedDemoRegional } from "@/prisma/seed/demo-regional";
import { seedDemo, seedPlaces } from "@/prisma/seed/seed";
import { withDatabase } from "./open-db";

const DEMO_FLAG = "demo.seededAt";

// Demo data is seeded on the embedded database by default, and on PostgreSQL only when asked.
const demoWanted = () => (process.env.SOCLE_DEMO ?? (env.postgresUrl ? "0" : "1")) === "1";

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : undefined;
}

/** Asks on the terminal; `secret` hides what is typed. */
async function ask(question: string, secret = false): Promise<string> {
  const rl = createInterface({ input: stdin, output: stdout, terminal: stdin.isTTY });
  if (secret) {
    const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput;
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) =>
      write.call(rl, s.startsWith(question) ? s : s.replace(/[^\r\n]/g, ""));
  }
  try {
    return (await rl.question(question)).trim();
  } finally {
    rl.close();
    if (secret) stdout.write("\n");
  }
}

async function adminCreate(db: PrismaClient) {
  const email = option("email") ?? (await ask("Adresse électronique de l'administrateur : "));
  const name = option("name") ?? (await ask("Nom complet : "));
  const typed =
    process.argv.includes("--generate") || !stdin.isTTY
      ? ""
      : await ask("Mot de passe (12 caractères au moins ; laisser vide pour en générer un) : ", true);
  const created = await createFirstAdmin(db, { email, name, password: typed || undefined });
  console.log(`\nAdministrateur créé : ${created.email}`);
  if (created.generated) {
    console.log(`Mot de passe (affiché une seule fois, notez-le) : ${created.password}`);
  }
}

/** What start.mjs needs to choose the address to listen on. */
async function writeReport(db: PrismaClient) {
  const file = process.env.SOCLE_PREPARE_REPORT;
  if (!file) return;
  const [users, demoAccounts] = await Promise.all([db.user.count(), db.user.count({ where: { isDemo: true } })]);
  writeFileSync(file, JSON.stringify({ users, demoAccounts }));
}

async function main(command: string | undefined) {
  const where = env.postgresUrl ? "PostgreSQL" : `PGlite (${env.pgliteDir})`;
  await withDatabase(async (db, migrate, grant) => {
    if (command === "admin-create") {
      await migrate();
      await grant();
      await adminCreate(db);
      return;
    }
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
        await seedDemoRegional(db);
        await db.setting.upsert({
          where: { key: DEMO_FLAG },
          create: { key: DEMO_FLAG, value: new Date().toISOString() },
          update: { value: new Date().toISOString() },
        });
        console.log("Données de démonstration chargées.");
      }
      await writeReport(db);
    }
    if (!["migrate", "prepare", "seed", "grants"].includes(command ?? "")) {
      throw new Error("Usage : tsx scripts/db.ts migrate|prepare|seed|grants|admin-create");
    }
  });
}

main(process.argv[2]).catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
