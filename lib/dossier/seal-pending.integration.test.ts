import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { createTestDb, type TestDb } from "@/test/db";
import { createCampaign, demoWorld, insertVersion, loadShipped } from "@/test/fixtures/assessment";

// Issue 11: sealing at start skips, without trying, the submissions whose submitter cannot seal them
// (the regional demo's, once submitted by the admin) and says so in ONE summary line; a real failure
// is logged once, with its reason; the others are sealed.

const state = vi.hoisted(() => {
  const base = `${process.env.TMPDIR ?? "/tmp"}/socle-seal-pending-${globalThis.crypto.randomUUID()}`;
  process.env.SOCLE_DATA_DIR = `${base}/data`;
  process.env.EVIDENCE_DIR = `${base}/evidence`;
  return { failOn: "" };
});

// One submission's seal fails for a reason of its own (a full disk, say); the others seal for real.
vi.mock("./generate", async (importOriginal) => {
  const real = await importOriginal<typeof import("./generate")>();
  return {
    ...real,
    sealDossier: (...args: Parameters<typeof real.sealDossier>) =>
      args[2] === state.failOn
        ? Promise.reject(new Error("ENOSPC: no space left on device"))
        : real.sealDossier(...args),
  };
});

const { sealPendingDossiers } = await import("./seal-pending");

let t: TestDb;
let db: PrismaClient;
const ids = { byDirector: "", byAdmin: "", failing: "" };

beforeAll(async () => {
  t = await createTestDb();
  db = t.db;
  const w = await demoWorld(db);
  const version = await insertVersion(db, await loadShipped("hopen-socle", "2019.3"));
  const submitted = async (year: number, by: string) => {
    const campaign = await createCampaign(db, version.id, [w.ghbs], year);
    const a = await db.assessment.create({
      data: {
        establishmentId: w.ghbs,
        campaignId: campaign.id,
        status: "submitted",
        submittedAt: new Date(`${year}-06-01T10:00:00Z`),
        submittedById: by,
      },
    });
    return a.id;
  };
  ids.byAdmin = await submitted(2020, w.admin.id); // the regional demo's old case: no director role
  ids.byDirector = await submitted(2021, w.director.id);
  ids.failing = await submitted(2022, w.director.id);
  state.failOn = ids.failing;
}, 120_000);
afterAll(() => t?.close());

describe("[DOSSIER] sealing pending dossiers at start", () => {
  it("seals what its submitter may seal, skips the rest quietly, logs a real failure once with its reason", async () => {
    const info: string[] = [];
    const error: string[] = [];
    const outcome = await sealPendingDossiers(db, "https://socle.test", 20, {
      info: (line) => info.push(line),
      error: (line) => error.push(line),
    });
    expect(outcome).toEqual({ sealed: 1, skipped: 1, failed: 1, left: 0 });
    expect(await db.dossier.count({ where: { assessmentId: ids.byDirector } })).toBe(1);
    expect(await db.dossier.count({ where: { assessmentId: { in: [ids.byAdmin, ids.failing] } } })).toBe(0);
    // One line for the failure, with its reason; nothing for the skipped one.
    expect(error).toHaveLength(1);
    expect(error[0]).toContain(ids.failing);
    expect(error[0]).toContain("ENOSPC: no space left on device");
    expect(error.join(" ")).not.toContain(ids.byAdmin);
    // One summary line.
    expect(info).toHaveLength(1);
    expect(info[0]).toMatch(/1 sealed, 1 failed .*, 1 skipped \(their submitter can no longer seal them/);
  });

  it("keeps to the limit among the sealable ones and says how many are left", async () => {
    state.failOn = "";
    const info: string[] = [];
    const outcome = await sealPendingDossiers(db, "https://socle.test", 0, {
      info: (line) => info.push(line),
      error: () => {},
    });
    expect(outcome).toEqual({ sealed: 0, skipped: 1, failed: 0, left: 1 });
    expect(info[0]).toContain("1 left for the next batch");
  });
});
