import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import type { PrismaClient } from "@/generated/prisma/client";
import { type Actor, loadActor } from "@/lib/auth/actor";
import { AppError, isAppError } from "@/lib/core/errors";
import { seedDemo, seedPlaces } from "@/prisma/seed/seed";
import { createTestDb, type TestDb } from "@/test/db";
import { canonicalHash } from "./canonical-hash";
import { listReferentialFiles, loadReferentialFile, REFERENTIALS_DIR } from "./load-file";
import { parseReferential } from "./parse";
import { getVersionContent, getVersionWithDiff, listReferentialsForAdmin } from "./queries";
import type { TReferentialFile } from "./schemas";
import { compareVersions, importReferentialVersion, syncShippedReferentials } from "./store";
import { VALID_YAML } from "@/test/referentials/fixtures";

// Referential versions in the database: loaded from the shipped files, never changed once loaded.

let t: TestDb;
let db: PrismaClient;
let admin: Actor;
let director: Actor;
// The latest shipped HOP'EN socle version, and the next number a correction would take.
const LATEST = "2019.4";
const NEXT = "2019.5";
const SOCLE_FILE = path.join(REFERENTIALS_DIR, "hopen-socle", `${LATEST}.yaml`);
const RID = "req-referentials-test";

async function actor(email: string): Promise<Actor> {
  const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  const loaded = await loadActor(db, user.id);
  if (!loaded) throw new Error(`no actor for ${email}`);
  return loaded;
}

/** The shipped HOP'EN socle file after `edit` (applied to the YAML document, as an author would). */
async function socleEdited(edit: (doc: ReturnType<typeof parseDocument>) => void): Promise<TReferentialFile> {
  const doc = parseDocument(await readFile(SOCLE_FILE, "utf8"));
  edit(doc);
  const result = parseReferential(doc.toString(), "hopen-socle-modifie.yaml");
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.path} : ${e.message}`).join("\n"));
  return result.referential;
}

async function snapshot() {
  const [referentials, versions, auditEvents] = await Promise.all([
    db.referential.findMany({ orderBy: { id: "asc" } }),
    db.referentialVersion.findMany({ orderBy: { id: "asc" } }),
    db.auditEvent.count(),
  ]);
  // Json columns compared as their exact text, so any change in the stored content shows.
  return { referentials, versions: versions.map((v) => ({ ...v, content: JSON.stringify(v.content) })), auditEvents };
}

async function expectRefused(run: () => Promise<unknown>, code: AppError["code"], message: RegExp): Promise<void> {
  const before = await snapshot();
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  expect(isAppError(error), `expected an AppError, got ${String(error)}`).toBe(true);
  expect((error as AppError).code).toBe(code);
  expect((error as AppError).message).toMatch(message);
  expect(await snapshot()).toEqual(before);
}

async function socleVersion(version: string) {
  return db.referentialVersion.findUniqueOrThrow({
    where: { referentialId_version: { referentialId: "hopen-socle", version } },
  });
}

beforeAll(async () => {
  t = await createTestDb();
  db = t.db;
  await seedPlaces(db);
  await seedDemo(db);
  admin = await actor("admin@demo.socle.fr");
  director = await actor("directrice.ghbs@demo.socle.fr");
});

afterAll(async () => {
  await t?.close();
});

describe("[REFERENTIALS] shipped files into the database", () => {
  it("[REFERENTIALS] imports every shipped file as one version with its hash and one referential.load audit row", async () => {
    const files = await listReferentialFiles();
    const lines: string[] = [];
    const synced = await syncShippedReferentials(db, { log: (line) => lines.push(line) });
    expect(synced).toHaveLength(files.length);
    // Created in version order: the first version of a referential has no diff, the next ones one each.
    expect(synced.every((s) => s.status === "created" && (s.previous === null) === (s.diff === null))).toBe(true);
    expect(synced.find((s) => s.referentialId === "hopen-socle" && s.version === LATEST)?.previous?.version).toBe(
      "2019.3",
    );
    expect(lines).toHaveLength(files.length);
    expect(lines.find((l) => l.includes("hopen-socle"))).toMatch(
      /Référentiel chargé : hopen-socle 2019\.2, 17 exigences/,
    );

    for (const file of files) {
      const parsed = await loadReferentialFile(file);
      if (!parsed.ok) throw new Error(file);
      const row = await db.referentialVersion.findUniqueOrThrow({
        where: { referentialId_version: { referentialId: parsed.referential.id, version: parsed.referential.version } },
        include: { referential: true },
      });
      expect(row.contentHash).toBe(canonicalHash(parsed.referential));
      expect(canonicalHash(row.content as unknown as TReferentialFile)).toBe(row.contentHash);
      expect(row).toMatchObject({
        title: parsed.referential.title,
        loadedById: null,
        referential: { programme: parsed.referential.programme },
      });
      expect(row.publishedOn?.toISOString().slice(0, 10)).toBe(parsed.referential.publishedOn);
    }
    const events = await db.auditEvent.findMany({ where: { action: "referential.load" } });
    expect(events).toHaveLength(files.length);
    expect(events.every((e) => e.entity === "ReferentialVersion" && e.actorId === null)).toBe(true);
  });

  it("[REFERENTIALS] re-importing the same content is a no-op: same version id, nothing written", async () => {
    const before = await snapshot();
    const again = await syncShippedReferentials(db, { log: () => {} });
    expect(again.every((s) => s.status === "unchanged")).toBe(true);
    const socle = await loadReferentialFile(SOCLE_FILE);
    if (!socle.ok) throw new Error("socle");
    const result = await importReferentialVersion(db, admin, socle.referential, RID);
    expect(result).toMatchObject({ status: "unchanged", versionId: (await socleVersion(LATEST)).id });
    expect(await snapshot()).toEqual(before);
  });

  it("[REFERENTIALS] refuses the same version with a changed label (LOCKED); the stored content is unchanged", async () => {
    const changed = await socleEdited((doc) =>
      doc.setIn(["requirements", 1, "label"], "Libellé corrigé sans changer de version"),
    );
    await expectRefused(
      () => importReferentialVersion(db, admin, changed, RID),
      "LOCKED",
      /^La version 2019\.4 de hopen-socle est publiée et ne peut plus être modifiée : chargez-la sous un nouveau numéro de version\.$/,
    );
    const row = await socleVersion(LATEST);
    expect(JSON.stringify(row.content)).not.toContain("Libellé corrigé");
  });

  it("[REFERENTIALS] loads the next version (one label changed, one requirement removed): the diff lists exactly that, the previous one stays byte-identical", async () => {
    const old = await socleVersion(LATEST);
    const oldText = JSON.stringify(old.content);
    const next = await socleEdited((doc) => {
      doc.setIn(["version"], NEXT);
      doc.setIn(
        ["requirements", 1, "label"],
        "Une cellule d'identitovigilance se réunit au moins une fois par trimestre",
      );
      doc.deleteIn(["requirements", 2]);
    });
    const oldLabel = (old.content as unknown as TReferentialFile).requirements[1]!.label;

    const lastEvent = await db.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
    const result = await importReferentialVersion(db, admin, next, RID);
    expect(result.status).toBe("created");
    expect(result.previous).toEqual({ id: old.id, version: LATEST });
    expect(result.diff).toEqual({
      added: [],
      removed: [expect.objectContaining({ code: "P1.2" })],
      changed: [
        {
          code: "P1.1",
          fields: [
            {
              field: "label",
              before: oldLabel,
              after: "Une cellule d'identitovigilance se réunit au moins une fois par trimestre",
            },
          ],
        },
      ],
      domains: { added: [], removed: [], changed: [] },
      metadata: [],
    });

    const events = await db.auditEvent.findMany({ where: { id: { gt: lastEvent?.id ?? BigInt(0) } } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "referential.load",
      entityId: result.versionId,
      actorId: admin.id,
      requestId: RID,
      after: {
        version: NEXT,
        previousVersion: LATEST,
        diff: { added: [], removed: ["P1.2"], changed: [{ code: "P1.1", fields: ["label"] }] },
      },
    });

    const created = await db.referentialVersion.findUniqueOrThrow({ where: { id: result.versionId } });
    expect(created).toMatchObject({ version: NEXT, loadedById: admin.id, contentHash: canonicalHash(next) });
    expect(created.loadedAt.getTime()).toBeGreaterThan(old.loadedAt.getTime());
    const after = await socleVersion(LATEST);
    expect(JSON.stringify(after.content)).toBe(oldText);
    expect(after).toEqual(old);

    // The admin's version page shows the same differences; 2019.2 itself has no earlier version.
    const view = await getVersionWithDiff(db, admin, result.versionId);
    expect(view.previous?.version).toBe(LATEST);
    expect(view.diff).toEqual(result.diff);
    expect((await getVersionWithDiff(db, admin, (await socleVersion("2019.2")).id)).diff).toBeNull();
    // Loading the shipped version again is still a no-op, and says so.
    const socle = await loadReferentialFile(SOCLE_FILE);
    if (!socle.ok) throw new Error("socle");
    expect((await importReferentialVersion(db, null, socle.referential)).status).toBe("unchanged");
  });

  it("[REFERENTIALS] refuses a non-admin (NOT_FOUND) and a programme change of an existing referential; nothing written", async () => {
    const next = await socleEdited((doc) => doc.setIn(["version"], "2019.5"));
    await expectRefused(() => importReferentialVersion(db, director, next, RID), "NOT_FOUND", /introuvable/);
    const otherProgramme = await socleEdited((doc) => {
      doc.setIn(["version"], "2019.6");
      doc.setIn(["programme"], "CARE");
    });
    await expectRefused(
      () => importReferentialVersion(db, admin, otherProgramme, RID),
      "BAD_INPUT",
      /appartient au programme HOPEN/,
    );
  });

  it("[REFERENTIALS] a malformed shipped file stops the sync before anything is written, with located errors", async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), "socle-sync-"));
    await mkdir(path.join(root, "test-ref"));
    await writeFile(path.join(root, "test-ref", "1.0.yaml"), VALID_YAML);
    await mkdir(path.join(root, "broken"));
    await writeFile(path.join(root, "broken", "1.0.yaml"), "id: broken\nversion: 1.0\n");
    const before = await snapshot();
    const error = await syncShippedReferentials(db, { rootDir: root, log: () => {} })
      .catch((e: unknown) => e)
      .finally(() => rm(root, { recursive: true, force: true }));
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(
      /^Référentiels livrés invalides :\n.*broken[/\\]1\.0\.yaml:2 : version : /,
    );
    expect(await snapshot()).toEqual(before);
  });

  it("[REFERENTIALS] the admin list shows every version with its campaign count; content reads are cached and frozen", async () => {
    const list = await listReferentialsForAdmin(db, admin);
    const socle = list.find((r) => r.id === "hopen-socle");
    expect(socle?.versions.map((v) => v.version)).toEqual([NEXT, LATEST, "2019.3", "2019.2"]);
    expect(socle?.versions[0]).toMatchObject({ loadedBy: admin.name, campaigns: 0 });
    expect(socle?.versions[1]).toMatchObject({ loadedBy: null });
    await expect(listReferentialsForAdmin(db, director)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getVersionWithDiff(db, director, socle!.versions[0]!.id)).rejects.toMatchObject({ code: "NOT_FOUND" });

    const id = socle!.versions[1]!.id;
    const first = await getVersionContent(db, id);
    expect(await getVersionContent(db, id)).toBe(first);
    expect(Object.isFrozen(first.requirements[0])).toBe(true);
    await expect(getVersionContent(db, "inconnue")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("[REFERENTIALS] orders versions numerically", () => {
    expect(["2019.10", "2019.2", "2020.0", "2019.2.1"].sort(compareVersions)).toEqual([
      "2019.2",
      "2019.2.1",
      "2019.10",
      "2020.0",
    ]);
  });
});
