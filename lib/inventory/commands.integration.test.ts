import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { type Actor, loadActor } from "@/lib/auth/actor";
import { AppError, type ErrorCode, isAppError } from "@/lib/core/errors";
import { demoFiness, seedDemo, seedPlaces } from "@/prisma/seed/seed";
import { createTestDb, type TestDb } from "@/test/db";
import * as A from "./commands";
import { toInventoryCsv } from "./csv";
import { formatFraction } from "./indicators";
import { getInventory, listApplications } from "./queries";
import { type TApplicationInput, type TCsvError, ZApplicationInput } from "./schemas";
import { BROKEN_LINES, FIXTURE_EXPECTED, inventoryCsv } from "@/test/inventory/fixtures";

// The inventory's writes on a real database (PGlite, or TEST_DATABASE_URL's PostgreSQL), as the
// routes call them. Actors are the demo accounts: GHBS (director, DSI, RSSI), Quimper's director,
// the Bretagne delegate, the UHC coordinator and the platform admin.

let t: TestDb;
let db: PrismaClient;
const actors = {} as Record<
  "director" | "dsi" | "rssi" | "otherDirector" | "delegate" | "coordinator" | "admin",
  Actor
>;
let ghbs = "";
let quimper = "";
const RID = "req-inventory-test";

async function actor(email: string): Promise<Actor> {
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  const loaded = await loadActor(db, user.id);
  if (!loaded) throw new Error(`no actor ${email}`);
  return loaded;
}

beforeAll(async () => {
  t = await createTestDb();
  db = t.db;
  await seedPlaces(db);
  await seedDemo(db);
  ghbs = (await db.establishment.findUniqueOrThrow({ where: { finess: demoFiness("56", "01") } })).id;
  quimper = (await db.establishment.findUniqueOrThrow({ where: { finess: demoFiness("29", "02") } })).id;
  Object.assign(actors, {
    director: await actor("directrice.ghbs@demo.socle.fr"),
    dsi: await actor("dsi.ghbs@demo.socle.fr"),
    rssi: await actor("rssi.ghbs@demo.socle.fr"),
    otherDirector: await actor("directeur.quimper@demo.socle.fr"),
    delegate: await actor("delegue.bretagne@demo.socle.fr"),
    coordinator: await actor("coordination.uhc@demo.socle.fr"),
    admin: await actor("admin@demo.socle.fr"),
  });
});

afterAll(async () => {
  await t?.close();
});

async function counts() {
  const [applications, audits] = await Promise.all([db.application.count(), db.auditEvent.count()]);
  return { applications, audits };
}

/** Runs `run`, expects an AppError `code`, and checks that no application and no audit row changed. */
async function expectRefused(run: () => Promise<unknown>, code: ErrorCode): Promise<AppError> {
  const before = await counts();
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  expect(isAppError(error), `expected an AppError, got ${String(error)}`).toBe(true);
  expect((error as AppError).code).toBe(code);
  expect(await counts()).toEqual(before);
  return error as AppError;
}

const app = (over: Partial<TApplicationInput> = {}): TApplicationInput =>
  ZApplicationInput.parse({
    name: "Dossier de soins",
    vendor: "",
    domains: ["care"],
    hosting: "on_site",
    qhnCommitted: true,
    holdsHealthData: true,
    identityRepoConnected: true,
    movementRepoConnected: false,
    personalAuth: true,
    ...over,
  });

describe("[INVENTORY] CSV import", () => {
  it("[INVENTORY] refuses a 12-row file with 3 bad rows: reports exactly those rows and writes nothing", async () => {
    const error = await expectRefused(
      () => A.importInventory(db, actors.director, ghbs, inventoryCsv({ broken: true }), "replace", RID),
      "BAD_INPUT",
    );
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/^Aucune ligne n'a été importée/);
    const details = error.details as { errors: TCsvError[]; total: number };
    expect([...new Set(details.errors.map((e) => e.line))]).toEqual([...BROKEN_LINES]);
    expect(details.total).toBe(3);
    expect(await db.application.count({ where: { establishmentId: ghbs } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "inventory.import" } })).toBe(0);
  });

  it("[INVENTORY] imports the fixed file: 12 applications, one audit row, and P1.3 reads 5 / 6", async () => {
    const auditsBefore = await db.auditEvent.count();
    const summary = await A.importInventory(db, actors.director, ghbs, inventoryCsv({ bom: true }), "replace", RID);
    expect(summary).toEqual({ mode: "replace", total: 12, created: 12, updated: 0, deleted: 0 });
    expect(await db.application.count({ where: { establishmentId: ghbs } })).toBe(12);
    expect(await db.auditEvent.count()).toBe(auditsBefore + 1);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "inventory.import" } });
    expect(audit).toMatchObject({
      entity: "Establishment",
      entityId: ghbs,
      establishmentId: ghbs,
      actorId: actors.director.id,
      requestId: RID,
    });
    expect(audit.after).toEqual(summary);

    const inventory = await getInventory(db, actors.director, ghbs);
    expect(inventory.canEdit).toBe(true);
    expect(inventory.indicators.identity_repo).toMatchObject(FIXTURE_EXPECTED.identity_repo);
    expect(inventory.indicators.movement_repo).toMatchObject(FIXTURE_EXPECTED.movement_repo);
    expect(inventory.indicators.personal_auth).toMatchObject(FIXTURE_EXPECTED.personal_auth);
    expect(formatFraction(inventory.indicators.identity_repo).replace(/\s+/g, " ")).toBe("5 / 6 applications (83 %)");
    // the four-domain DPI is stored once, domains in display order
    expect(inventory.applications.find((a) => a.name === "Dossier patient DxCare")).toMatchObject({
      vendor: "Dedalus; division France",
      domains: ["care", "patient_admin", "pmsi", "scheduling"],
    });
  });

  it("[INVENTORY] exports what it imported, and the export imports back unchanged", async () => {
    const before = await listApplications(db, actors.director, ghbs);
    const text = toInventoryCsv(before);
    const summary = await A.importInventory(db, actors.dsi, ghbs, text, "merge", RID);
    expect(summary).toEqual({ mode: "merge", total: 12, created: 0, updated: 12, deleted: 0 });
    const after = await listApplications(db, actors.director, ghbs);
    expect(after).toEqual(before);
  });

  it("[INVENTORY] merge updates by name (ignoring case) and adds, keeping the applications the file does not name", async () => {
    const header = inventoryCsv().split("\r\n")[0];
    const text = [
      header,
      "pacs;Carestream;;Imagerie;externalisé;oui;oui;oui;non;oui",
      "Nouvelle appli;;;other;SaaS;non;non;non;non;non",
    ].join("\n");
    const summary = await A.importInventory(db, actors.dsi, ghbs, text, "merge", RID);
    expect(summary).toEqual({ mode: "merge", total: 2, created: 1, updated: 1, deleted: 0 });
    const apps = await listApplications(db, actors.director, ghbs);
    expect(apps).toHaveLength(13);
    expect(apps.filter((a) => a.name.toLowerCase() === "pacs")).toEqual([
      expect.objectContaining({ name: "pacs", personalAuth: true, qhnCommitted: true }),
    ]);
  });

  it("[INVENTORY] replace removes what the file does not hold and keeps the old inventory in the audit row", async () => {
    const header = inventoryCsv().split("\r\n")[0];
    const text = [header, "Seule appli;;;care;sur site;oui;oui;non;non;oui"].join("\r\n");
    const summary = await A.importInventory(db, actors.director, ghbs, text, "replace", RID);
    expect(summary).toEqual({ mode: "replace", total: 1, created: 1, updated: 0, deleted: 13 });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "inventory.import" },
      orderBy: { id: "desc" },
    });
    expect((audit.before as { count: number; applications: unknown[] }).applications).toHaveLength(13);
    const inventory = await getInventory(db, actors.director, ghbs);
    expect(inventory.indicators.identity_repo).toEqual({ numerator: 0, denominator: 1, percent: 0 });
    // restore the 12 for the next tests
    await A.importInventory(db, actors.director, ghbs, inventoryCsv(), "replace", RID);
  });

  it("[INVENTORY] refuses an empty file and a file above 1 MB, writing nothing", async () => {
    const empty = await expectRefused(
      () => A.importInventory(db, actors.director, ghbs, "", "merge", RID),
      "BAD_INPUT",
    );
    expect((empty.details as { errors: TCsvError[] }).errors[0]).toMatchObject({
      line: 1,
      message: expect.stringMatching(/vide/),
    });
    await expectRefused(
      () => A.importInventory(db, actors.director, ghbs, "x".repeat(1024 * 1024 + 1), "merge", RID),
      "PAYLOAD_TOO_LARGE",
    );
  });

  it("[INVENTORY] refuses a file with a NUL character (a UTF-16 export) with a 400, not a database error", async () => {
    const before = await db.application.count({ where: { establishmentId: ghbs } });
    const text = inventoryCsv().replace("\r\n", "\r\nDPI\u0000;");
    const refused = await expectRefused(
      () => A.importInventory(db, actors.director, ghbs, text, "merge", RID),
      "BAD_INPUT",
    );
    expect(refused.message).toMatch(/caractères nuls/);
    expect(await db.application.count({ where: { establishmentId: ghbs } })).toBe(before);
  });
});

describe("[INVENTORY] one application at a time", () => {
  it("[INVENTORY] creates, updates and deletes, each with its audit row", async () => {
    const created = await A.createApplication(
      db,
      actors.dsi,
      ghbs,
      app({ name: "Dossier de soins infirmiers", vendor: " " }),
      RID,
    );
    expect(created).toMatchObject({ name: "Dossier de soins infirmiers", vendor: null, domains: ["care"] });
    const createAudit = await db.auditEvent.findFirstOrThrow({
      where: { action: "application.create", entityId: created.id },
    });
    expect(createAudit).toMatchObject({
      entity: "Application",
      establishmentId: ghbs,
      actorId: actors.dsi.id,
      requestId: RID,
    });

    const updated = await A.updateApplication(
      db,
      actors.director,
      ghbs,
      created.id,
      app({ name: "DSI infirmier", domains: ["pmsi", "care"], identityRepoConnected: false }),
      RID,
    );
    expect(updated).toMatchObject({ name: "DSI infirmier", domains: ["care", "pmsi"], identityRepoConnected: false });
    const updateAudit = await db.auditEvent.findFirstOrThrow({
      where: { action: "application.update", entityId: created.id },
    });
    expect(updateAudit.before).toMatchObject({ name: "Dossier de soins infirmiers", identityRepoConnected: true });
    expect(updateAudit.after).toMatchObject({ name: "DSI infirmier", identityRepoConnected: false });

    await A.deleteApplication(db, actors.director, ghbs, created.id, RID);
    expect(await db.application.findUnique({ where: { id: created.id } })).toBeNull();
    expect(await db.auditEvent.count({ where: { action: "application.delete", entityId: created.id } })).toBe(1);
  });

  it("[INVENTORY] refuses a name already used, whatever its case or accents", async () => {
    const error = await expectRefused(
      () => A.createApplication(db, actors.director, ghbs, app({ name: "DOSSIER PATIENT dxcare" }), RID),
      "CONFLICT",
    );
    expect(error.fieldErrors?.name?.[0]).toMatch(/porte déjà ce nom/);
    const pacs = (await listApplications(db, actors.director, ghbs)).find((a) => a.name === "PACS")!;
    await expectRefused(
      () => A.updateApplication(db, actors.director, ghbs, pacs.id, app({ name: "Sil Biologie" }), RID),
      "CONFLICT",
    );
    // renaming to itself is fine
    await expect(
      A.updateApplication(db, actors.director, ghbs, pacs.id, app({ name: "Pacs", domains: ["imaging"] }), RID),
    ).resolves.toMatchObject({ name: "Pacs" });
  });

  it("[INVENTORY] an application of another establishment is not found under this one", async () => {
    const theirs = await A.createApplication(db, actors.otherDirector, quimper, app({ name: "Appli de Quimper" }), RID);
    await expectRefused(() => A.updateApplication(db, actors.director, ghbs, theirs.id, app(), RID), "NOT_FOUND");
    await expectRefused(() => A.deleteApplication(db, actors.director, ghbs, theirs.id, RID), "NOT_FOUND");
  });
});

describe("[INVENTORY] access", () => {
  it("[INVENTORY] another establishment's director and the regional delegate get NOT_FOUND, for reads and writes", async () => {
    const target = (await listApplications(db, actors.director, ghbs))[0]!;
    for (const who of [actors.otherDirector, actors.delegate, actors.coordinator, actors.admin]) {
      await expectRefused(() => getInventory(db, who, ghbs), "NOT_FOUND");
      await expectRefused(() => listApplications(db, who, ghbs), "NOT_FOUND");
      await expectRefused(() => A.importInventory(db, who, ghbs, inventoryCsv(), "replace", RID), "NOT_FOUND");
      // even with a broken file: the row errors are not disclosed
      await expectRefused(
        () => A.importInventory(db, who, ghbs, inventoryCsv({ broken: true }), "merge", RID),
        "NOT_FOUND",
      );
      await expectRefused(() => A.createApplication(db, who, ghbs, app({ name: "Intrus" }), RID), "NOT_FOUND");
      await expectRefused(
        () => A.updateApplication(db, who, ghbs, target.id, app({ name: "Intrus" }), RID),
        "NOT_FOUND",
      );
      await expectRefused(() => A.deleteApplication(db, who, ghbs, target.id, RID), "NOT_FOUND");
    }
  });

  it("[INVENTORY] a contributor who is not the DSI reads the inventory but may not change it", async () => {
    const inventory = await getInventory(db, actors.rssi, ghbs);
    expect(inventory.applications.length).toBeGreaterThan(0);
    expect(inventory.canEdit).toBe(false);
    const error = await expectRefused(
      () => A.importInventory(db, actors.rssi, ghbs, inventoryCsv(), "merge", RID),
      "FORBIDDEN",
    );
    expect(error.message).toMatch(/direction et la DSI/);
    await expectRefused(
      () => A.createApplication(db, actors.rssi, ghbs, app({ name: "Par le RSSI" }), RID),
      "FORBIDDEN",
    );
    await expectRefused(
      () => A.deleteApplication(db, actors.rssi, ghbs, inventory.applications[0]!.id, RID),
      "FORBIDDEN",
    );
    expect((await getInventory(db, actors.dsi, ghbs)).canEdit).toBe(true);
  });
});
