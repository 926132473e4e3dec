// Loads one referential file as a new, immutable version:
//   npm run referentials:load -- data/referentials/hopen-socle/2019.3.yaml
// Validates first: errors are printed as "fichier:ligne : chemin : problème" and nothing is written
// (exit 1). Then imports it and prints what changed since the version loaded before it. Loading the
// same version again with the same content is a no-op; with other content it is refused (exit 1).
// With the embedded database, stop the server first: PGlite allows one process per data folder.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { PrismaClient } from "@/generated/prisma/client";
import { env } from "@/lib/core/env";
import { isAppError } from "@/lib/core/errors";
import type { TReferentialDiff } from "@/lib/referentials/diff";
import { loadReferentialFile, REFERENTIALS_DIR } from "@/lib/referentials/load-file";
import { formatParseErrors, parseReferential, type TParseResult } from "@/lib/referentials/parse";
import { importReferentialVersion } from "@/lib/referentials/store";
import { withDatabase } from "./open-db";

/** The database, migrated first. */
const withMigratedDatabase = <T>(run: (db: PrismaClient) => Promise<T>) =>
  withDatabase(async (db, migrate) => (await migrate(), run(db)));

/**
 * A file inside data/referentials must also be named `<id>/<version>.yaml` (the start-up sync loads
 * those); a file elsewhere (a draft sent by a delegate) is not held to that naming rule.
 */
async function validate(filePath: string, shownAs: string): Promise<TParseResult> {
  const inside = !path.relative(REFERENTIALS_DIR, filePath).startsWith("..");
  if (inside) return loadReferentialFile(filePath);
  return parseReferential(await readFile(filePath, "utf8"), shownAs);
}

const list = (codes: string[]) => (codes.length ? codes.join(", ") : "—");

function printDiff(diff: TReferentialDiff, previousVersion: string): void {
  console.log(`Différences avec la version ${previousVersion} :`);
  console.log(`  Exigences ajoutées (${diff.added.length}) : ${list(diff.added.map((r) => r.code))}`);
  console.log(`  Exigences supprimées (${diff.removed.length}) : ${list(diff.removed.map((r) => r.code))}`);
  console.log(
    `  Exigences modifiées (${diff.changed.length}) : ${list(diff.changed.map((c) => `${c.code} (${c.fields.map((f) => f.field).join(", ")})`))}`,
  );
  const domains = diff.domains;
  if (domains.added.length + domains.removed.length + domains.changed.length > 0) {
    console.log(
      `  Domaines : ajoutés ${list(domains.added.map((d) => d.code))} ; supprimés ${list(domains.removed.map((d) => d.code))} ; modifiés ${list(domains.changed.map((c) => c.code))}`,
    );
  }
  if (diff.metadata.length > 0)
    console.log(`  Autres champs modifiés : ${diff.metadata.map((f) => f.field).join(", ")}`);
}

async function main(args: string[]): Promise<number> {
  const file = args.find((a) => !a.startsWith("-"));
  if (!file || args.includes("--help") || args.includes("-h")) {
    console.error("Usage : npm run referentials:load -- <fichier.yaml>");
    return args.includes("--help") || args.includes("-h") ? 0 : 1;
  }
  const filePath = path.resolve(file);
  if (!existsSync(filePath)) {
    console.error(`${file} : fichier introuvable.`);
    return 1;
  }
  const result = await validate(filePath, file);
  if (!result.ok) {
    console.error(formatParseErrors(result.errors));
    console.error(`\n${result.errors.length} erreur(s) : rien n'a été chargé.`);
    return 1;
  }
  const referential = result.referential;
  const where = env.postgresUrl ? "PostgreSQL" : `PGlite (${env.pgliteDir})`;
  return withMigratedDatabase(async (db) => {
    const imported = await importReferentialVersion(db, null, referential);
    if (imported.status === "unchanged") {
      console.log(
        `${referential.id} ${referential.version} est déjà chargée avec ce contenu (${where}) : rien n'a été modifié.`,
      );
    } else {
      console.log(
        `Version chargée sur ${where} : ${referential.id} ${referential.version} (${referential.requirements.length} exigences, id ${imported.versionId}).`,
      );
    }
    if (imported.diff && imported.previous) printDiff(imported.diff, imported.previous.version);
    else if (imported.status === "created") console.log("Première version de ce référentiel.");
    return 0;
  });
}

main(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    console.error(isAppError(error) ? error.message : error instanceof Error ? error.message : error);
    process.exit(1);
  });
