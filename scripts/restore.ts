// npm run restore -- fichier.tar.gz: brings a backup back into an EMPTY installation (new data
// folder, or a new PostgreSQL database), before its first start. Checks every hash in the archive
// first, and after the restore every evidence file and sealed dossier against the database.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { restoreBackup } from "@/lib/backup/archive";
import { createPrismaClient } from "@/lib/core/db-adapter";
import { applyAppGrants, roleOf } from "@/lib/core/db-grants";
import { env } from "@/lib/core/env";

async function main() {
  const file = process.argv[2];
  if (!file) throw new Error("Usage : npm run restore -- chemin/vers/sauvegarde.tar.gz");
  const archive = path.resolve(file);
  const folders = { evidenceDir: env.evidenceDir, dossierDir: path.join(env.dataDir, "dossiers") };
  const postgres = env.migrationUrl ?? env.postgresUrl;
  if (postgres) {
    const client = new pg.Client({ connectionString: postgres });
    await client.connect();
    const db = createPrismaClient(postgres, "");
    try {
      const migrator = {
        exec: (sql: string) => client.query(sql),
        query: (sql: string, p?: unknown[]) => client.query(sql, p),
      };
      const report = await restoreBackup(db, folders, archive, migrator);
      if (env.migrationUrl) await applyAppGrants(client, roleOf(env.postgresUrl!));
      print(report);
    } finally {
      await db.$disconnect();
      await client.end();
    }
    return;
  }
  mkdirSync(env.pgliteDir, { recursive: true });
  const pglite = new PGlite(env.pgliteDir);
  const db = createPrismaClient(undefined, pglite);
  try {
    print(await restoreBackup(db, folders, archive, pglite));
  } finally {
    await db.$disconnect();
    await pglite.close();
  }
}

function print(report: { tables: Record<string, number>; evidence: number; dossiers: number }) {
  const rows = Object.values(report.tables).reduce((a, b) => a + b, 0);
  console.log(
    `Restauration terminée : ${rows} lignes, ${report.evidence} pièces et ${report.dossiers} dossiers scellés vérifiés (SHA-256).`,
  );
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
