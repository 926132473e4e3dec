import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { type Actor, loadActor } from "@/lib/auth/actor";
import { getDossierPdf } from "@/lib/dossier/generate";
import { uploadEvidence } from "@/lib/evidence/commands";
import type { TReferentialFile } from "@/lib/referentials/schemas";
import { createTestDb, type TestDb } from "@/test/db";
import { SAMPLES } from "@/test/evidence/bytes";
import { createCampaign, demoWorld, insertVersion, loadShipped } from "@/test/fixtures/assessment";

// The dossier's integration tests share one world on a real database with the shipped HOP'EN
// referential: a submitted assessment with a real evidence upload, an action and a funding
// assumption, and another establishment's draft. Each test file declares its data folders and the
// route mocks with vi.hoisted/vi.mock (they must precede every import), then calls dossierWorld.

/** What vi.hoisted sets up in each file: the data folders, and the database and actor the mocked routes use. */
export type DossierDirs = { base: string; dossiers: string; evidence: string; db: unknown; actor: unknown };

export const ORIGIN = "https://socle.test";
export const UTF8 = { ...process.env, LC_ALL: "C.UTF-8" };
export const ARTIFACTS = path.resolve("test-results", "dossier");
export const EVIDENCE_NAME = "Procès-verbal cellule identitovigilance.pdf";

type ActorKey = "director" | "contributor" | "ars" | "delegate" | "otherDirector" | "otherArs" | "admin";
export type DossierWorld = {
  db: PrismaClient;
  referential: TReferentialFile;
  actors: Record<ActorKey, Actor>;
  submittedId: string;
  draftId: string;
  evidenceSha: string;
  finess: string;
  establishmentName: string;
  download(actor: Actor, id?: string): ReturnType<typeof getDossierPdf>;
};

/** pdftotext output with the no-break spaces poppler prints as spaces, collapsed. */
export function pdfText(bytes: Uint8Array, layout = false): string {
  const out = spawnSync("pdftotext", [...(layout ? ["-layout"] : []), "-", "-"], {
    input: bytes,
    maxBuffer: 64 * 1024 * 1024,
  });
  expect(out.status).toBe(0);
  return out.stdout.toString("utf8").replace(/[\u00a0\u202f]/g, " ");
}
export const flat = (text: string) => text.replace(/\s+/g, " ");

export async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

function answerFor(r: TReferentialFile["requirements"][number], unmet: Set<string>) {
  if (unmet.has(r.code)) return { kind: "value" as const, value: "no" };
  if (r.answer.type === "percentage") {
    return r.answer.computedFrom
      ? { kind: "value" as const, value: { percent: 100, numerator: 9, denominator: 9 } }
      : { kind: "value" as const, value: 100 };
  }
  return { kind: "value" as const, value: "yes" };
}

/** Builds the world before the file's tests and removes it after; its fields are set by then. */
export function dossierWorld(dirs: DossierDirs): DossierWorld {
  let t: TestDb | undefined;
  const world = {
    actors: {},
    download: (actor: Actor, id?: string) =>
      getDossierPdf(world.db, actor, id ?? world.submittedId, { origin: ORIGIN, requestId: "test" }),
  } as DossierWorld;
  beforeAll(async () => {
    t = await createTestDb();
    const db = t.db;
    world.db = db;
    dirs.db = db;
    const w = await demoWorld(db);
    world.actors.director = w.director;
    world.actors.contributor = w.rssi;
    world.actors.delegate = w.delegate;
    world.actors.otherDirector = w.otherDirector;
    world.actors.admin = w.admin;
    world.actors.ars = (await loadActor(
      db,
      (await db.user.findUniqueOrThrow({ where: { email: "ars.bretagne@demo.socle.fr" } })).id,
    ))!;
    const pdl = await db.region.findUniqueOrThrow({ where: { code: "52" } });
    const otherArs = await db.user.create({
      data: {
        email: "ars.pdl@test.socle.fr",
        name: "Instructeur PDL",
        passwordHash: "x",
        memberships: { create: { role: "ars_reviewer", regionId: pdl.id } },
      },
    });
    world.actors.otherArs = (await loadActor(db, otherArs.id))!;

    world.referential = await loadShipped("hopen-socle", "2019.2");
    const version = await insertVersion(db, world.referential);
    const campaign = await createCampaign(db, version.id, [w.ghbs, w.quimper], 2026);
    const place = await db.establishment.findUniqueOrThrow({ where: { id: w.ghbs } });
    world.finess = place.finess;
    world.establishmentName = place.name;
    const unmet = new Set(["P2.1", "P2.6"]);
    const answers = world.referential.requirements.map((r) => ({
      requirementCode: r.code,
      ...answerFor(r, unmet),
      answeredById: w.director.id,
    }));
    Object.assign(answers[1]!, { comment: "Réunion mensuelle : 14 signalements analysés en 2026." });

    // Draft first, so the evidence goes through the real upload; then submitted as the app does.
    const assessment = await db.assessment.create({
      data: { establishmentId: w.ghbs, campaignId: campaign.id, answers: { create: answers } },
    });
    world.submittedId = assessment.id;
    const upload = await uploadEvidence(
      db,
      w.director,
      world.submittedId,
      "P1.1",
      { name: EVIDENCE_NAME, stream: () => new Blob([SAMPLES.pdf]).stream() },
      "test",
      { evidenceDir: dirs.evidence },
    );
    world.evidenceSha = upload.evidence.sha256;
    await db.action.create({
      data: {
        assessmentId: world.submittedId,
        requirementCode: "P2.1",
        title: "Tester le plan de reprise d'activité",
        ownerId: w.dsi.id,
        dueOn: new Date("2026-09-30"),
        createdById: w.director.id,
      },
    });
    await db.assessment.update({
      where: { id: world.submittedId },
      data: {
        status: "submitted",
        submittedAt: new Date("2026-06-30T10:00:00Z"),
        submittedById: w.director.id,
        attestation: {
          name: "Claire Le Gall",
          title: "Directrice générale",
          date: "2026-06-30",
          statement: "J'atteste l'exactitude des réponses.",
        },
      },
    });
    // The GHBS's own funding assumption (the draft's establishment has none: no figure there).
    await db.fundingParameter.create({
      data: {
        campaignId: campaign.id,
        establishmentId: w.ghbs,
        amountEuros: 850_000,
        assumption: "Montant notifié par l'ARS pour le socle HOP'EN 2026",
        setById: w.delegate.id,
      },
    });
    world.draftId = (
      await db.assessment.create({
        data: { establishmentId: w.quimper, campaignId: campaign.id, answers: { create: answers.slice(0, 5) } },
      })
    ).id;
  }, 180_000); // a fresh database, the demo world and a real upload: slow on a loaded machine
  afterAll(async () => {
    await t?.close();
    rmSync(dirs.base, { recursive: true, force: true });
  });
  return world;
}
