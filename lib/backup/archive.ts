import { createHash, randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import * as tar from "tar";
import type { PrismaClient } from "@/generated/prisma/client";
import type { Migration, MigrationClient } from "@/prisma/migrate.mjs";
import { applyMigrations, readMigrations } from "@/prisma/migrate.mjs";
import { quoteIdent, readTables, type TableInfo } from "./tables";

// One archive (.tar.gz) holds a whole installation: every table as JSON lines (PostgreSQL's own
// to_jsonb / jsonb_populate_recordset, so every value comes back exactly, bigints and JSON
// included), the evidence files, the sealed dossiers, and manifest.json with the SHA-256 of every
// member. The same code serves PGlite and PostgreSQL (and moves an installation from one to the
// other). Restore goes into an empty installation only, checks every hash before writing
// anything, and checks again every evidence file and sealed dossier against the database after.

export type BackupDb = Pick<PrismaClient, "$queryRawUnsafe" | "$executeRawUnsafe" | "$transaction">;
export type Folders = { evidenceDir: string; dossierDir: string };

export type Manifest = {
  format: "socle-backup";
  version: 1;
  createdAt: string;
  migrations: string[];
  tables: Record<string, number>;
  /** SHA-256 of every member of the archive but the manifest. */
  files: Record<string, string>;
};

const BATCH = 500;
const sha256Of = async (file: string) => {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
};

/** Files under `dir` (relative paths), temporary uploads and partial writes left out. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .filter((p) => !p.startsWith(".tmp/") && !p.endsWith(".part") && !path.basename(p).startsWith("."))
    .sort();
}

async function appliedMigrations(db: BackupDb): Promise<string[] | null> {
  const [ledger] = await db.$queryRawUnsafe<{ exists: boolean }[]>(
    `SELECT to_regclass('public._socle_migrations') IS NOT NULL AS exists`,
  );
  if (!ledger?.exists) return null;
  const rows = await db.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM "_socle_migrations" ORDER BY name`);
  return rows.map((r) => r.name);
}

/** Writes the archive; returns its manifest. On PostgreSQL the tables are read in one snapshot. */
export async function writeBackup(db: BackupDb, folders: Folders, archivePath: string): Promise<Manifest> {
  const staging = await mkdtemp(path.join(os.tmpdir(), "socle-backup-"));
  try {
    const files: Record<string, string> = {};
    const tables: Record<string, number> = {};
    await mkdir(path.join(staging, "db"));
    const migrations = (await appliedMigrations(db)) ?? [];
    await db.$transaction(
      async (tx) => {
        const snapshot = tx as unknown as BackupDb;
        for (const table of await readTables(snapshot)) {
          const member = `db/${table.name}.jsonl`;
          const out = createWriteStream(path.join(staging, member));
          const hash = createHash("sha256");
          const order = table.primaryKey.map(quoteIdent).join(", ") || "1";
          await snapshot.$executeRawUnsafe(
            `DECLARE socle_backup CURSOR FOR SELECT to_jsonb(t)::text AS j FROM ${quoteIdent(table.name)} t ORDER BY ${order}`,
          );
          let count = 0;
          for (;;) {
            const rows = await snapshot.$queryRawUnsafe<{ j: string }[]>(`FETCH ${BATCH} FROM socle_backup`);
            for (const { j } of rows) {
              const line = `${j}\n`;
              hash.update(line);
              if (!out.write(line)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
            }
            count += rows.length;
            if (rows.length < BATCH) break;
          }
          await snapshot.$executeRawUnsafe(`CLOSE socle_backup`);
          await new Promise<void>((resolve, reject) =>
            out.end((error?: Error | null) => (error ? reject(error) : resolve())),
          );
          files[member] = hash.digest("hex");
          tables[table.name] = count;
        }
      },
      // One snapshot for every table, while the app may go on writing (PostgreSQL).
      { timeout: 60 * 60_000, maxWait: 60_000, isolationLevel: "RepeatableRead" },
    );

    // The folders themselves go in through links (no copy); their files are hashed here.
    for (const [member, dir] of [
      ["evidence", folders.evidenceDir],
      ["dossiers", folders.dossierDir],
    ] as const) {
      await mkdir(dir, { recursive: true });
      await symlink(path.resolve(dir), path.join(staging, member), "dir");
      for (const file of await filesUnder(dir)) files[`${member}/${file}`] = await sha256Of(path.join(dir, file));
    }
    const manifest: Manifest = {
      format: "socle-backup",
      version: 1,
      createdAt: new Date().toISOString(),
      migrations,
      tables,
      files,
    };
    await writeFile(path.join(staging, "manifest.json"), JSON.stringify(manifest, null, 2));
    await mkdir(path.dirname(path.resolve(archivePath)), { recursive: true });
    const partial = `${archivePath}.${randomUUID()}.part`;
    await tar.c(
      {
        gzip: true,
        file: partial,
        cwd: staging,
        follow: true,
        portable: true,
        // Only what the manifest lists (no temporary upload, no partial write); folders to walk them.
        filter: (member, entry) => {
          const name = member.replace(/^\.\//, "").replace(/\/$/, "");
          if ("isDirectory" in entry && entry.isDirectory()) return !/(^|\/)\.tmp$/.test(name);
          return name === "manifest.json" || name in files;
        },
      },
      ["manifest.json", "db", "evidence", "dossiers"],
    );
    await cp(partial, archivePath);
    await rm(partial, { force: true });
    return manifest;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

export type RestoreReport = { tables: Record<string, number>; evidence: number; dossiers: number };

export class RestoreRefused extends Error {}

/**
 * Restores an archive into an empty installation. `migrator` runs multi-statement SQL (PGlite, or
 * pg's simple protocol): needed when the database has no migration yet.
 */
export async function restoreBackup(
  db: BackupDb,
  folders: Folders,
  archivePath: string,
  migrator?: MigrationClient,
): Promise<RestoreReport> {
  const staging = await mkdtemp(path.join(os.tmpdir(), "socle-restore-"));
  try {
    await tar.x({ file: archivePath, cwd: staging, strict: true });
    const manifest = JSON.parse(await readFile(path.join(staging, "manifest.json"), "utf8")) as Manifest;
    if (manifest.format !== "socle-backup" || manifest.version !== 1)
      throw new RestoreRefused("Ce fichier n'est pas une sauvegarde Socle (manifest.json inconnu).");
    for (const [member, expected] of Object.entries(manifest.files)) {
      const actual = await sha256Of(path.join(staging, member)).catch(() => null);
      if (actual !== expected)
        throw new RestoreRefused(
          `Sauvegarde altérée : ${member} ${actual ? "ne correspond pas à son empreinte" : "manque"}.`,
        );
    }

    // Empty installation only: no file, and no row (or no schema at all).
    for (const dir of [folders.evidenceDir, folders.dossierDir]) {
      if ((await filesUnder(dir)).length > 0)
        throw new RestoreRefused(
          `Le dossier ${dir} contient déjà des fichiers : restaurez dans une installation vide.`,
        );
    }
    const known = new Map<string, Migration>(readMigrations().map((m) => [m.name, m]));
    const unknown = manifest.migrations.filter((name) => !known.has(name));
    if (unknown.length > 0)
      throw new RestoreRefused(`La sauvegarde vient d'une version plus récente de Socle (migration ${unknown[0]}).`);
    const applied = await appliedMigrations(db);
    if (applied === null || applied.length === 0) {
      if (!migrator) throw new RestoreRefused("Base sans schéma : la restauration doit appliquer les migrations.");
      await applyMigrations(
        migrator,
        manifest.migrations.map((name) => known.get(name)!),
      );
    } else if (applied.join() !== manifest.migrations.join()) {
      throw new RestoreRefused(
        "La base a déjà des migrations différentes de celles de la sauvegarde : restaurez dans une base neuve.",
      );
    }
    const tables = await readTables(db);
    for (const table of tables) {
      const [row] = await db.$queryRawUnsafe<{ any: boolean }[]>(
        `SELECT EXISTS (SELECT 1 FROM ${quoteIdent(table.name)}) AS any`,
      );
      if (row?.any)
        throw new RestoreRefused(
          `La table ${table.name} contient déjà des données : restaurez dans une installation vide (avant le premier démarrage).`,
        );
    }

    await db.$transaction(
      async (tx) => {
        const t = tx as unknown as BackupDb;
        for (const table of tables)
          await t.$executeRawUnsafe(`ALTER TABLE ${quoteIdent(table.name)} DISABLE TRIGGER USER`);
        for (const table of tables)
          await loadTable(t, table, path.join(staging, "db", `${table.name}.jsonl`), "insert");
        for (const table of tables.filter((x) => x.deferred.length > 0))
          await loadTable(t, table, path.join(staging, "db", `${table.name}.jsonl`), "links");
        for (const table of tables) {
          await t.$executeRawUnsafe(`ALTER TABLE ${quoteIdent(table.name)} ENABLE TRIGGER USER`);
          for (const column of table.serials) {
            const [q, c] = [quoteIdent(table.name), quoteIdent(column)];
            await t.$queryRawUnsafe(
              `SELECT setval(pg_get_serial_sequence('${q.replace(/'/g, "''")}', '${column.replace(/'/g, "''")}'), coalesce(max(${c}), 0) + 1, false) FROM ${q}`,
            );
          }
        }
      },
      { timeout: 60 * 60_000, maxWait: 60_000 },
    );
    if (migrator) await applyMigrations(migrator); // a newer Socle: its own migrations after the data

    for (const [member, dir] of [
      ["evidence", folders.evidenceDir],
      ["dossiers", folders.dossierDir],
    ] as const) {
      const from = path.join(staging, member);
      if ((await stat(from).catch(() => null))?.isDirectory()) {
        await mkdir(dir, { recursive: true, mode: 0o700 });
        await cp(from, dir, { recursive: true });
      }
    }
    return { tables: manifest.tables, ...(await checkFiles(db, folders)) };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** Inserts a table's rows (nullable foreign keys left empty), or sets those keys ("links"). */
async function loadTable(db: BackupDb, table: TableInfo, file: string, phase: "insert" | "links") {
  const name = quoteIdent(table.name);
  const columns = table.columns.map(quoteIdent);
  const sql =
    phase === "insert"
      ? `INSERT INTO ${name} (${columns.join(", ")}) SELECT ${table.columns
          .map((c) => (table.deferred.includes(c) ? `NULL AS ${quoteIdent(c)}` : `s.${quoteIdent(c)}`))
          .join(", ")} FROM jsonb_populate_recordset(NULL::${name}, $1::jsonb) s`
      : `UPDATE ${name} AS t SET ${table.deferred.map((c) => `${quoteIdent(c)} = s.${quoteIdent(c)}`).join(", ")}
         FROM jsonb_populate_recordset(NULL::${name}, $1::jsonb) s
         WHERE ${table.primaryKey.map((k) => `t.${quoteIdent(k)} = s.${quoteIdent(k)}`).join(" AND ")}`;
  let batch: string[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    await db.$executeRawUnsafe(sql, `[${batch.join(",")}]`);
    batch = [];
  };
  const lines = readline.createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line) continue;
    batch.push(line);
    if (batch.length >= BATCH) await flush();
  }
  await flush();
}

/** Every evidence file and sealed dossier on disk against the SHA-256 its row records. */
export async function checkFiles(db: BackupDb, folders: Folders): Promise<{ evidence: number; dossiers: number }> {
  const problems: string[] = [];
  const evidence = await db.$queryRawUnsafe<{ key: string; sha256: string }[]>(
    `SELECT "storageKey" AS key, sha256 FROM "Evidence"`,
  );
  for (const row of evidence) {
    const actual = await sha256Of(path.join(folders.evidenceDir, ...row.key.split("/"))).catch(() => null);
    if (actual !== row.sha256) problems.push(`pièce ${row.key}`);
  }
  const dossiers = await db.$queryRawUnsafe<{ key: string; sha256: string }[]>(
    `SELECT "storageKey" AS key, sha256 FROM "Dossier"`,
  );
  for (const row of dossiers) {
    const actual = await sha256Of(path.join(folders.dossierDir, ...row.key.split("/"))).catch(() => null);
    if (actual !== row.sha256) problems.push(`dossier ${row.key}`);
  }
  if (problems.length > 0)
    throw new RestoreRefused(`Fichiers absents ou différents de leur empreinte : ${problems.slice(0, 5).join(", ")}.`);
  return { evidence: evidence.length, dossiers: dossiers.length };
}
