import { createHash } from "node:crypto";
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { type Actor, loadActor } from "@/lib/auth/actor";
import { uploadEvidence } from "@/lib/evidence/commands";
import { SAMPLES } from "@/test/evidence/bytes";
import type { TReferentialFile } from "@/lib/referentials/schemas";
import { createTestDb, type TestDb } from "@/test/db";
import { createCampaign, demoWorld, insertVersion, loadShipped } from "@/test/fixtures/assessment";

// The dossier end to end on a real database with the shipped HOP'EN referential: generation and
// storage, what the PDF says (read back with poppler), the public check by code and by bytes, the
// streamed evidence bundle (read back with unzip), and who may download what.

const dirs = vi.hoisted(() => {
  const base = `${process.env.TMPDIR ?? "/tmp"}/socle-dossier-${globalThis.crypto.randomUUID()}`;
  process.env.SOCLE_DATA_DIR = `${base}/data`;
  process.env.EVIDENCE_DIR = `${base}/evidence`;
  process.env.SOCLE_PUBLIC_URL = "https://socle.test"; // the address sealed dossiers print
  return {
    base,
    dossiers: `${base}/data/dossiers`,
    evidence: `${base}/evidence`,
    db: null as unknown,
    actor: null as unknown,
  };
});

// The routes read the database and the session from these modules: the test's database and a
// chosen actor stand in (the library functions below take the database explicitly).
vi.mock("@/lib/core/db", () => ({
  get db() {
    return dirs.db;
  },
}));
vi.mock("@/lib/auth/current", () => ({ getActor: async () => dirs.actor, getRouteActor: async () => dirs.actor }));

const { getDossierPdf } = await import("./generate");
const { openDossierBundle } = await import("./bundle");
const { verifyByBytes, verifyByCode } = await import("./verify");
const { describeVerifyResult } = await import("./verify-shared");
const { handleVerifyRequest, VERIFY_LIMIT } = await import("./verify-request");
const { listRegionDossiers } = await import("./queries");
const { buildDossierPayload } = await import("./build-payload");
const { formatVerificationCode } = await import("./seal");
const { makeSeal, renderDossierPdf } = await import("./render");
const dossierRoute = await import("@/app/api/assessments/[assessmentId]/dossier/route");
const sealRoute = await import("@/app/api/assessments/[assessmentId]/dossier/seal/route");
const bundleRoute = await import("@/app/api/assessments/[assessmentId]/dossier/bundle/route");
const verifierRoute = await import("@/app/api/verifier/route");

const ORIGIN = "https://socle.test";
const UTF8 = { ...process.env, LC_ALL: "C.UTF-8" };
const ARTIFACTS = path.resolve("test-results", "dossier");
const EVIDENCE_NAME = "Procès-verbal cellule identitovigilance.pdf";

let t: TestDb;
let db: PrismaClient;
let referential: TReferentialFile;
const actors = {} as Record<
  "director" | "contributor" | "ars" | "delegate" | "otherDirector" | "otherArs" | "admin",
  Actor
>;
let submittedId = "";
let draftId = "";
let evidenceSha = "";
let finess = "";
let establishmentName = "";

/** pdftotext output with the no-break spaces poppler prints as spaces, collapsed. */
function pdfText(bytes: Uint8Array, layout = false): string {
  const out = spawnSync("pdftotext", [...(layout ? ["-layout"] : []), "-", "-"], {
    input: bytes,
    maxBuffer: 64 * 1024 * 1024,
  });
  expect(out.status).toBe(0);
  return out.stdout.toString("utf8").replace(/[\u00a0\u202f]/g, " ");
}
const flat = (text: string) => text.replace(/\s+/g, " ");

function answerFor(r: TReferentialFile["requirements"][number], unmet: Set<string>) {
  if (unmet.has(r.code)) return { kind: "value" as const, value: "no" };
  if (r.answer.type === "percentage") {
    return r.answer.computedFrom
      ? { kind: "value" as const, value: { percent: 100, numerator: 9, denominator: 9 } }
      : { kind: "value" as const, value: 100 };
  }
  return { kind: "value" as const, value: "yes" };
}

beforeAll(async () => {
  t = await createTestDb();
  db = t.db;
  dirs.db = db;
  const w = await demoWorld(db);
  actors.director = w.director;
  actors.contributor = w.rssi;
  actors.delegate = w.delegate;
  actors.otherDirector = w.otherDirector;
  actors.admin = w.admin;
  actors.ars = (await loadActor(
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
  actors.otherArs = (await loadActor(db, otherArs.id))!;

  referential = await loadShipped("hopen-socle", "2019.2");
  const version = await insertVersion(db, referential);
  const campaign = await createCampaign(db, version.id, [w.ghbs, w.quimper], 2026);
  ({ finess, name: establishmentName } = await db.establishment.findUniqueOrThrow({ where: { id: w.ghbs } }));
  const unmet = new Set(["P2.1", "P2.6"]);
  const answers = referential.requirements.map((r) => ({
    requirementCode: r.code,
    ...answerFor(r, unmet),
    answeredById: w.director.id,
  }));
  Object.assign(answers[1]!, { comment: "Réunion mensuelle : 14 signalements analysés en 2026." });

  // Draft first, so the evidence goes through the real upload; then submitted as the app does.
  const assessment = await db.assessment.create({
    data: { establishmentId: w.ghbs, campaignId: campaign.id, answers: { create: answers } },
  });
  submittedId = assessment.id;
  const upload = await uploadEvidence(
    db,
    w.director,
    submittedId,
    "P1.1",
    { name: EVIDENCE_NAME, stream: () => new Blob([SAMPLES.pdf]).stream() },
    "test",
    { evidenceDir: dirs.evidence },
  );
  evidenceSha = upload.evidence.sha256;
  await db.action.create({
    data: {
      assessmentId: submittedId,
      requirementCode: "P2.1",
      title: "Tester le plan de reprise d'activité",
      ownerId: w.dsi.id,
      dueOn: new Date("2026-09-30"),
      createdById: w.director.id,
    },
  });
  await db.assessment.update({
    where: { id: submittedId },
    data: {
      status: "submitted",
      submittedAt: new Date("2026-06-30T10:00:00Z"),
      submittedById: w.director.id,
      attestation: {
        name: "Claire Exemple",
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
  draftId = (
    await db.assessment.create({
      data: { establishmentId: w.quimper, campaignId: campaign.id, answers: { create: answers.slice(0, 5) } },
    })
  ).id;
});

afterAll(async () => {
  await t?.close();
  rmSync(dirs.base, { recursive: true, force: true });
});

const download = (actor: Actor, id = submittedId) =>
  getDossierPdf(db, actor, id, { origin: ORIGIN, requestId: "test" });

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** The director's seal command, as the browser would send it, here from a forged host. */
const sealViaRoute = (actor: Actor, id = submittedId) => {
  dirs.actor = actor;
  return sealRoute.POST(
    new Request(`http://evil.example/api/assessments/${id}/dossier/seal`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        origin: "http://evil.example",
        host: "evil.example",
        "x-forwarded-host": "evil.example",
      },
      body: "{}",
    }),
    { params: Promise.resolve({ assessmentId: id }) },
  );
};

describe("[DOSSIER] generation of a submitted assessment", () => {
  it("a download never seals: the submitted revision's PDF is refused (409) until sealed, nothing written", async () => {
    for (const actor of [actors.director, actors.ars]) {
      await expect(download(actor)).rejects.toMatchObject({ code: "CONFLICT", message: /pas encore scellé/ });
    }
    dirs.actor = actors.director;
    const response = await dossierRoute.GET(new Request(`${ORIGIN}/api/assessments/${submittedId}/dossier`), {
      params: Promise.resolve({ assessmentId: submittedId }),
    });
    expect(response.status).toBe(409);
    expect(await db.dossier.count({ where: { assessmentId: submittedId } })).toBe(0);
    // Only the director seals (the ARS and a contributor read it, they do not issue it).
    for (const actor of [actors.ars, actors.contributor]) expect((await sealViaRoute(actor)).status).toBe(404);
    expect(await db.dossier.count({ where: { assessmentId: submittedId } })).toBe(0);
  });

  it("renders once, stores the PDF under <dataDir>/dossiers/<code>.pdf, and writes the row with its audit", async () => {
    const sealed = await sealViaRoute(actors.director);
    expect(sealed.status).toBe(200);
    expect(await sealed.json()).toMatchObject({ sealedNow: true });
    const pdf = await download(actors.director);
    expect(pdf.generated).toBe(false);
    // The QR code and the printed address are SOCLE_PUBLIC_URL's, never the request's (forged) host.
    const text = pdfText(pdf.bytes);
    expect(text).toContain("socle.test/verifier");
    expect(text).not.toContain("evil.example");
    expect(pdf.isDraft).toBe(false);
    expect(pdf.fileName).toBe(`dossier-${finess}-campagne-2026.pdf`);
    expect(pdf.verificationCode).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{12}$/);
    const stored = readFileSync(path.join(dirs.dossiers, `${pdf.verificationCode}.pdf`));
    expect(stored.equals(pdf.bytes)).toBe(true);
    const rows = await db.dossier.findMany({ where: { assessmentId: submittedId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      verificationCode: pdf.verificationCode,
      sha256: pdf.sha256,
      size: pdf.bytes.length,
      pageCount: pdf.pageCount,
      generatedById: actors.director.id,
    });
    const audit = await db.auditEvent.findFirst({ where: { action: "dossier.generate", entityId: rows[0]!.id } });
    expect(audit?.actorId).toBe(actors.director.id);

    rmSync(ARTIFACTS, { recursive: true, force: true });
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(path.join(ARTIFACTS, "dossier.pdf"), pdf.bytes);
    const png = spawnSync("pdftoppm", [
      "-r",
      "60",
      "-png",
      "-f",
      "1",
      "-l",
      "3",
      path.join(ARTIFACTS, "dossier.pdf"),
      path.join(ARTIFACTS, "page"),
    ]);
    expect(png.status).toBe(0);
  });

  it("serves the stored bytes afterwards, to every reader, without a second render", async () => {
    const first = await download(actors.director);
    const again = await download(actors.ars);
    expect(again.generated).toBe(false);
    expect(again.bytes.equals(first.bytes)).toBe(true);
    expect(await db.dossier.count({ where: { assessmentId: submittedId } })).toBe(1);
  });

  it("shows the establishment, FINESS, verdict, every requirement code and the evidence SHA-256", async () => {
    const pdf = await download(actors.director);
    const text = flat(pdfText(pdf.bytes));
    const payload = await buildDossierPayload(db, actors.director, submittedId);
    expect(payload.verdict.eligible).toBe(false);
    expect(payload.verdict.blockingMissing.map((r) => r.code).sort()).toEqual(["P2.1", "P2.6"]);
    expect(text).toContain(establishmentName);
    expect(text).toContain(finess);
    expect(text).toContain(flat(payload.verdict.headline.replace(/[\u00a0\u202f]/g, " ")));
    expect(text).toContain("P2.1");
    for (const r of referential.requirements) expect(text, r.code).toContain(r.code);
    expect(text).toContain(evidenceSha);
    expect(text).toContain(EVIDENCE_NAME);
    expect(text).toContain(formatVerificationCode(pdf.verificationCode!));
    expect(text).toContain("pas une signature électronique qualifiée");
    expect(text).toContain("Tester le plan de reprise d'activité");
    expect(text).not.toContain("BROUILLON");
    // French typography survives: the narrow no-break space before ":" is in the PDF's text.
    expect(pdfText(pdf.bytes).length).toBeGreaterThan(0);
    const raw = spawnSync("pdftotext", ["-", "-"], { input: pdf.bytes }).stdout.toString("utf8");
    expect(raw).toMatch(/Code de vérification[\u202f ]:/);
  });

  it("prints the funding held back by the missing prerequisites, with its assumption and rule", async () => {
    const text = flat(pdfText((await download(actors.director)).bytes));
    expect(text).toContain("Financement à débloquer : environ 850 k€"); // an order of magnitude, not a figure to the euro
    expect(text).toContain("Montant notifié par l'ARS pour le socle HOP'EN 2026");
    expect(text).toContain("les 2 prérequis bloquants manquants");
    expect(text).toContain("Tout ou rien");
  });

  it("is cut into pages as planned (no fallback to react-pdf's slower pagination)", async () => {
    const payload = await buildDossierPayload(db, actors.director, submittedId);
    const rendered = await renderDossierPdf(payload, makeSeal(ORIGIN, "ABCD2345EFGH"));
    expect(rendered.fallback).toBe(false);
  });

  it("prints 'page X / Y' on every page, Y being the page count", async () => {
    const pdf = await download(actors.director);
    const info = spawnSync("pdfinfo", ["-"], { input: pdf.bytes }).stdout.toString("utf8");
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    expect(pages).toBe(pdf.pageCount);
    expect(pages).toBeGreaterThanOrEqual(6);
    const footers = [...pdfText(pdf.bytes).matchAll(/page (\d+) \/ (\d+)/g)];
    expect(footers).toHaveLength(pages);
    expect(footers.map((m) => Number(m[1]))).toEqual(Array.from({ length: pages }, (_, i) => i + 1));
    for (const m of footers) expect(Number(m[2])).toBe(pages);
    // And the verification code once per page in the footer.
    const code = formatVerificationCode(pdf.verificationCode!);
    expect(pdfText(pdf.bytes).split(code).length - 1).toBeGreaterThanOrEqual(pages);
  });
});

describe("[DOSSIER] public verification", () => {
  it("finds a dossier by its code, typed loosely, and answers only the public facts", async () => {
    const pdf = await download(actors.director);
    const code = formatVerificationCode(pdf.verificationCode!);
    const result = await verifyByCode(db, ` ${code.toLowerCase()} `);
    expect(result).toEqual({
      authentic: true,
      establishment: establishmentName,
      campaign: "Campagne 2026",
      submittedAt: "2026-06-30T10:00:00.000Z",
      generatedAt: pdf.generatedAt.toISOString(),
      revision: 1,
      supersededBy: null,
    });
  });

  it("says when the dossier has been superseded by a later revision, in preparation then submitted", async () => {
    const pdf = await download(actors.director);
    const first = await db.assessment.findUniqueOrThrow({ where: { id: submittedId } });
    const later = await db.assessment.create({
      data: { establishmentId: first.establishmentId, campaignId: first.campaignId, revision: 2, status: "draft" },
    });
    try {
      const inPreparation = await verifyByBytes(db, pdf.bytes);
      expect(inPreparation).toMatchObject({ authentic: true, supersededBy: { revision: 2, submittedAt: null } });
      const message = describeVerifyResult(inPreparation, "file");
      expect(message.tone).toBe("warning");
      expect(message.lines[0]).toMatch(/révision plus récente \(révision 2\) est en préparation/);
      await db.assessment.update({
        where: { id: later.id },
        data: { status: "submitted", submittedAt: new Date("2026-09-01T08:00:00Z") },
      });
      const replaced = await verifyByCode(db, pdf.verificationCode!);
      expect(replaced).toMatchObject({ supersededBy: { revision: 2, submittedAt: "2026-09-01T08:00:00.000Z" } });
      expect(describeVerifyResult(replaced, "code").lines[0]).toMatch(
        /remplacé par une révision plus récente, la révision 2/,
      );
    } finally {
      await db.assessment.delete({ where: { id: later.id } });
    }
  });

  it("accepts the genuine bytes and refuses a copy with one byte changed", async () => {
    const pdf = await download(actors.director);
    expect((await verifyByBytes(db, pdf.bytes)).authentic).toBe(true);
    const altered = Buffer.from(pdf.bytes);
    const at = Math.floor(altered.length / 2);
    altered[at] = altered[at]! ^ 0x01;
    expect(await verifyByBytes(db, altered)).toEqual({ authentic: false, reason: "no_match" });
  });

  it("says not found for an unknown code and refuses a malformed one", async () => {
    expect(await verifyByCode(db, "2345-6789-ABCD")).toEqual({ authentic: false, reason: "unknown_code" });
    await expect(verifyByCode(db, "0000-1111-OOOO")).rejects.toMatchObject({ code: "BAD_INPUT" });
    await expect(verifyByCode(db, "")).rejects.toMatchObject({ code: "BAD_INPUT" });
  });

  it("POST /api/verifier: JSON or multipart, 400 on bad input, 415 on another type, never 500", async () => {
    const pdf = await download(actors.director);
    const req = (ip: string, body: BodyInit | null, contentType?: string) =>
      new Request("http://socle.test/api/verifier", {
        method: "POST",
        body,
        headers: { "x-socle-peer": ip, ...(contentType ? { "content-type": contentType } : {}) },
      });
    const ok = await handleVerifyRequest(
      db,
      req("10.0.0.1", JSON.stringify({ code: formatVerificationCode(pdf.verificationCode!) }), "application/json"),
    );
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ result: { authentic: true, establishment: establishmentName } });

    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(pdf.bytes)], { type: "application/pdf" }), "dossier.pdf");
    const upload = await handleVerifyRequest(
      db,
      new Request("http://socle.test/api/verifier", {
        method: "POST",
        body: form,
        headers: { "x-socle-peer": "10.0.0.1" },
      }),
    );
    expect(upload).toMatchObject({ status: 200, body: { result: { authentic: true } } });

    const cases: [BodyInit | null, string | undefined, number][] = [
      ["{not json", "application/json", 400],
      [JSON.stringify({ code: 42 }), "application/json", 400],
      [JSON.stringify({ code: "ABC" }), "application/json", 400],
      [JSON.stringify({ code: "x".repeat(100) }), "application/json", 400],
      [JSON.stringify({ code: "ABCD-EFGH-JKMN", extra: 1 }), "application/json", 400],
      [JSON.stringify([1, 2]), "application/json", 400],
      ["", "application/json", 400],
      ["--x\r\nbroken", "multipart/form-data; boundary=x", 400],
      ["hello", "text/plain", 415],
      [null, undefined, 415],
    ];
    for (const [body, type, status] of cases) {
      const r = await handleVerifyRequest(db, req("10.0.0.2", body, type));
      expect(r.status, `${type} ${String(body).slice(0, 20)}`).toBe(status);
      expect((r.body as { error: { message: string } }).error.message).toMatch(/\S/);
    }
    const empty = new FormData();
    empty.append("file", new Blob([]), "vide.pdf");
    expect(
      (
        await handleVerifyRequest(
          db,
          new Request("http://socle.test/api/verifier", {
            method: "POST",
            body: empty,
            headers: { "x-socle-peer": "10.0.0.3" },
          }),
        )
      ).status,
    ).toBe(400);
    const png = new FormData();
    png.append(
      "file",
      new Blob([Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3)]),
      "dossier.pdf",
    );
    const notPdf = await handleVerifyRequest(
      db,
      new Request("http://socle.test/api/verifier", {
        method: "POST",
        body: png,
        headers: { "x-socle-peer": "10.0.0.3" },
      }),
    );
    expect(notPdf).toMatchObject({
      status: 415,
      body: { error: { message: expect.stringMatching(/n'est pas un PDF/) } },
    });
    const noFile = new FormData();
    noFile.append("code", "x");
    expect(
      (
        await handleVerifyRequest(
          db,
          new Request("http://socle.test/api/verifier", {
            method: "POST",
            body: noFile,
            headers: { "x-socle-peer": "10.0.0.3" },
          }),
        )
      ).status,
    ).toBe(400);
    const big = await handleVerifyRequest(
      db,
      new Request("http://socle.test/api/verifier", {
        method: "POST",
        body: "x",
        headers: {
          "x-socle-peer": "10.0.0.3",
          "content-type": "multipart/form-data; boundary=x",
          "content-length": String(30 * 1024 * 1024),
        },
      }),
    );
    expect(big.status).toBe(413);
  });

  it("limits each address to 30 checks per 10 minutes (429 in French), others unaffected", async () => {
    const body = () => JSON.stringify({ code: "2345-6789-ABCD" });
    const req = (ip: string) =>
      new Request("http://socle.test/api/verifier", {
        method: "POST",
        body: body(),
        headers: { "x-socle-peer": ip, "content-type": "application/json" },
      });
    for (let i = 0; i < VERIFY_LIMIT.max; i++)
      expect((await handleVerifyRequest(db, req("10.9.9.9"))).status).toBe(200);
    const limited = await handleVerifyRequest(db, req("10.9.9.9"));
    expect(limited.status).toBe(429);
    expect((limited.body as { error: { message: string } }).error.message).toMatch(/Trop de vérifications/);
    expect((await handleVerifyRequest(db, req("10.9.9.10"))).status).toBe(200);
  });
});

describe("[DOSSIER] evidence bundle", () => {
  it("streams a ZIP whose manifest hashes match the files inside", async () => {
    const pdf = await download(actors.director);
    const { stream, fileName } = await openDossierBundle(db, actors.director, submittedId, {
      origin: ORIGIN,
      requestId: "test",
      evidenceDir: dirs.evidence,
    });
    expect(fileName).toBe(`dossier-${finess}-campagne-2026-lot.zip`);
    const zipPath = path.join(dirs.base, "lot.zip");
    writeFileSync(zipPath, await readAll(stream));
    const test = spawnSync("unzip", ["-tq", zipPath]);
    expect(test.status, test.stdout.toString()).toBe(0);
    const names = spawnSync("unzip", ["-Z1", zipPath], { env: UTF8 }).stdout.toString("utf8").trim().split("\n");
    expect(names).toEqual([pdf.fileName, `pieces/P1.1/${EVIDENCE_NAME}`, "manifest.json"]);
    const manifest = JSON.parse(
      spawnSync("unzip", ["-p", zipPath, "manifest.json"], { env: UTF8 }).stdout.toString("utf8"),
    );
    expect(manifest.dossier).toEqual({
      verificationCode: formatVerificationCode(pdf.verificationCode!),
      sha256: pdf.sha256,
    });
    expect(manifest.files.map((f: { path: string }) => f.path)).toEqual(names.slice(0, -1));
    const { createHash } = await import("node:crypto");
    for (const f of manifest.files as { path: string; size: number; sha256: string }[]) {
      const content = spawnSync("unzip", ["-p", zipPath, f.path], { maxBuffer: 64 * 1024 * 1024, env: UTF8 }).stdout;
      expect(content.length, f.path).toBe(f.size);
      expect(createHash("sha256").update(content).digest("hex"), f.path).toBe(f.sha256);
    }
    expect(manifest.files[0].sha256).toBe(pdf.sha256);
    expect(manifest.files[1].sha256).toBe(evidenceSha);
    expect(await db.auditEvent.count({ where: { action: "dossier.bundle", entityId: submittedId } })).toBe(1);
  });
});

describe("[DOSSIER] access", () => {
  it("lets the director, a contributor and the region's ARS download the submitted dossier", async () => {
    for (const key of ["director", "contributor", "ars"] as const) {
      const pdf = await download(actors[key]);
      expect(pdf.isDraft, key).toBe(false);
    }
  });

  it("answers NOT_FOUND to the delegate, another director, another region's ARS and the admin", async () => {
    for (const key of ["delegate", "otherDirector", "otherArs", "admin"] as const) {
      await expect(download(actors[key]), key).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
  });

  it("keeps the bundle to the director", async () => {
    for (const key of ["contributor", "ars", "delegate", "otherDirector", "otherArs", "admin"] as const) {
      await expect(
        openDossierBundle(db, actors[key], submittedId, { origin: ORIGIN, evidenceDir: dirs.evidence }),
        key,
      ).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
  });

  it("hides drafts from the ARS, and lists the region's submitted dossiers for its ARS only", async () => {
    await expect(download(actors.ars, draftId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const region = (await db.region.findUniqueOrThrow({ where: { code: "53" } })).id;
    const { dossiers } = await listRegionDossiers(db, actors.ars, region);
    expect(dossiers.map((d) => d.assessmentId)).toEqual([submittedId]);
    for (const key of ["delegate", "otherArs", "admin", "director"] as const) {
      await expect(listRegionDossiers(db, actors[key], region), key).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
  });
});

describe("[DOSSIER] routes", () => {
  const get = (route: typeof dossierRoute, actor: Actor | null, id = submittedId) => {
    dirs.actor = actor;
    return route.GET(new Request(`${ORIGIN}/api/assessments/${id}/dossier`), {
      params: Promise.resolve({ assessmentId: id }),
    });
  };

  it("GET …/dossier: the PDF as an attachment named after the FINESS and the campaign; 404 out of scope, 401 signed out", async () => {
    const ok = await get(dossierRoute, actors.ars);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("application/pdf");
    expect(ok.headers.get("content-disposition")).toBe(`attachment; filename="dossier-${finess}-campagne-2026.pdf"`);
    const bytes = Buffer.from(await ok.arrayBuffer());
    expect((await verifyByBytes(db, bytes)).authentic).toBe(true);
    const downloads = () => db.auditEvent.findMany({ where: { action: "dossier.download" } });
    expect(await downloads()).toEqual([
      expect.objectContaining({
        actorId: actors.ars.id,
        entity: "Assessment",
        entityId: submittedId,
        after: expect.objectContaining({ sha256: createHash("sha256").update(bytes).digest("hex"), draft: false }),
      }),
    ]);
    for (const actor of [actors.delegate, actors.otherArs, actors.admin, actors.otherDirector]) {
      const miss = await get(dossierRoute, actor);
      expect(miss.status).toBe(404);
      expect((await miss.json()).error.message).toMatch(/introuvable/);
    }
    expect((await get(dossierRoute, actors.ars, draftId)).status).toBe(404);
    expect((await get(dossierRoute, null)).status).toBe(401);
    expect(await downloads()).toHaveLength(1); // refusals are not downloads
  });

  it("GET …/dossier/bundle: a ZIP for the director, 404 for everyone else", async () => {
    const ok = await get(bundleRoute as unknown as typeof dossierRoute, actors.director);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("application/zip");
    expect(ok.headers.get("content-disposition")).toBe(
      `attachment; filename="dossier-${finess}-campagne-2026-lot.zip"`,
    );
    const zip = Buffer.from(await ok.arrayBuffer());
    expect(zip.subarray(0, 4).toString("latin1")).toBe("PK\u0003\u0004");
    const bundles = await db.auditEvent.findMany({ where: { action: "dossier.bundle", actorId: actors.director.id } });
    expect(bundles.length).toBeGreaterThan(0);
    for (const actor of [actors.contributor, actors.ars, actors.delegate, actors.admin]) {
      expect((await get(bundleRoute as unknown as typeof dossierRoute, actor)).status).toBe(404);
    }
  });

  it("POST /api/verifier answers JSON without a session", async () => {
    dirs.actor = null;
    const res = await verifierRoute.POST(
      new Request(`${ORIGIN}/api/verifier`, {
        method: "POST",
        body: JSON.stringify({ code: "ZZZZ-ZZZZ-ZZZZ" }),
        headers: { "content-type": "application/json", "x-socle-peer": "10.1.1.1" },
      }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ result: { authentic: false, reason: "unknown_code" } });
  });
});

describe("[DOSSIER] draft", () => {
  it("renders a draft on the fly with the BROUILLON watermark, unstored and without a code", async () => {
    const before = await db.dossier.count();
    const pdf = await download(actors.otherDirector, draftId);
    expect(pdf.isDraft).toBe(true);
    expect(pdf.verificationCode).toBeNull();
    expect(pdf.fileName).toMatch(/-brouillon\.pdf$/);
    const text = pdfText(pdf.bytes);
    expect(text).toContain("BROUILLON");
    expect(text).not.toContain("Financement"); // no assumption applies to this establishment
    expect(flat(text)).toContain("Code de vérification : BROUILLON");
    expect(await db.dossier.count()).toBe(before);
    expect((await verifyByBytes(db, pdf.bytes)).authentic).toBe(false);
  });
});
