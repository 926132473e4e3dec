// npm run backup [-- fichier.tar.gz]: one archive of the installation (every table, the evidence
// files, the sealed dossiers, manifest.json with their SHA-256). On PGlite, stop the server first
// (one process per data folder); on PostgreSQL it may run live (one consistent snapshot), as the
// owner when MIGRATION_DATABASE_URL is set.
import path from "node:path";
import { writeBackup } from "@/lib/backup/archive";
import { createPrismaClient } from "@/lib/core/db-adapter";
import { env } from "@/lib/core/env";

async function main() {
  const stamp = new Date().toISOString().replace(/[:.]/g, "-").slice(0, 19);
  const archive = path.resolve(process.argv[2] ?? path.join(env.dataDir, "backups", `socle-${stamp}.tar.gz`));
  const db = createPrismaClient(env.migrationUrl ?? env.postgresUrl, env.pgliteDir);
  try {
    const manifest = await writeBackup(
      db,
      { evidenceDir: env.evidenceDir, dossierDir: path.join(env.dataDir, "dossiers") },
      archive,
    );
    const rows = Object.values(manifest.tables).reduce((a, b) => a + b, 0);
    const files = Object.keys(manifest.files).filter((f) => !f.startsWith("db/")).length;
    console.log(`Sauvegarde écrite : ${archive}\n${rows} lignes, ${files} fichiers, empreintes dans manifest.json.`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
