import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { type Actor, loadActor } from "@/lib/auth/actor";
import { demoFiness, seedDemo, seedPlaces } from "@/prisma/seed/seed";
import { createTestDb, type TestDb } from "@/test/db";
import { bytes, SAMPLES } from "@/test/evidence/bytes";
import { MAX_EVIDENCE_BYTES, TOO_LARGE_MESSAGE, UNSUPPORTED_MESSAGE } from "./types";

// The four evidence routes called as Next calls them (Request in, Response out), on a real
// database. The session is replaced by a chosen actor and the database by the test one; the
// storage folder comes from EVIDENCE_DIR, set before lib/core/env is first imported.

// Hoisted above the imports: runs before anything reads the environment. The folder is created on
// the first upload.
const world = vi.hoisted(() => {
  const dir = `${process.env.TMPDIR ?? "/tmp"}/socle-evidence-routes-${globalThis.crypto.randomUUID()}`;
  process.env.EVIDENCE_DIR = dir;
  return { dir, db: null as unknown, actor: null as unknown };
});

vi.mock("@/lib/core/db", () => ({
  get db() {
    return world.db;
  },
}));
vi.mock("@/lib/auth/current", () => ({ getActor: async () => world.actor, getRouteActor: async () => world.actor }));

const uploadRoute = await import("@/app/api/assessments/[assessmentId]/evidence/route");
const linksRoute = await import("@/app/api/assessments/[assessmentId]/evidence/links/route");
const linkRoute = await import("@/app/api/assessments/[assessmentId]/evidence/links/[linkId]/route");
const downloadRoute = await import("@/app/api/evidence/[evidenceId]/route");
const { env } = await import("@/lib/core/env");

let t: TestDb;
let db: PrismaClient;
const actors = {} as Record<"director" | "delegate" | "ars", Actor>;
let assessmentId = "";
const ORIGIN = "http://socle.test";

beforeAll(async () => {
  t = await createTestDb();
  db = t.db;
  world.db = db;
  await seedPlaces(db);
  await seedDemo(db);
  const actor = async (email: string) =>
    (await loadActor(db, (await db.user.findUniqueOrThrow({ where: { email } })).id))!;
  actors.director = await actor("directrice.ghbs@demo.socle.fr");
  actors.delegate = await actor("delegue.bretagne@demo.socle.fr");
  actors.ars = await actor("ars.bretagne@demo.socle.fr");
  const ghbs = (await db.establishment.findUniqueOrThrow({ where: { finess: demoFiness("56", "01") } })).id;
  await db.referential.create({ data: { id: "evidence-routes", title: "Test", programme: "HOPEN" } });
  const version = await db.referentialVersion.create({
    data: {
      referentialId: "evidence-routes",
      version: "1.0",
      title: "Test 1.0",
      content: {
        domains: [{ code: "D1", title: "D1", description: "D1" }],
        requirements: [
          { code: "D1.1", domain: "D1" },
          { code: "D1.2", domain: "D1" },
        ],
      },
      contentHash: "0".repeat(64),
    },
  });
  const campaign = await db.campaign.create({
    data: {
      name: "HOP'EN 2026",
      year: 2026,
      referentialVersionId: version.id,
      opensOn: new Date(),
      closesOn: new Date(),
      establishments: { create: [{ establishmentId: ghbs }] },
    },
  });
  assessmentId = (
    await db.assessment.create({ data: { establishmentId: ghbs, campaignId: campaign.id, sharing: "detail" } })
  ).id;
});

afterAll(async () => {
  await t?.close();
  rmSync(world.dir, { recursive: true, force: true });
});

const as = (actor: Actor | null) => {
  world.actor = actor;
};
const params = <P extends Record<string, string>>(p: P) => ({ params: Promise.resolve(p) });

function uploadRequest(
  content: Uint8Array,
  name: string,
  requirementCode = "D1.1",
  headers: Record<string, string> = { origin: ORIGIN },
) {
  const form = new FormData();
  form.append("requirementCode", requirementCode);
  form.append("file", new File([content as Uint8Array<ArrayBuffer>], name));
  return new Request(`${ORIGIN}/api/assessments/${assessmentId}/evidence`, {
    method: "POST",
    body: form,
    headers: { host: "socle.test", ...headers },
  });
}
const post = (request: Request) => uploadRoute.POST(request, params({ assessmentId }));
const json = (method: string, url: string, body: unknown) =>
  new Request(`${ORIGIN}${url}`, {
    method,
    body: JSON.stringify(body),
    headers: { host: "socle.test", origin: ORIGIN, "content-type": "application/json" },
  });

describe("[EVIDENCE] routes", () => {
  it("[EVIDENCE] uses EVIDENCE_DIR for storage", () => {
    expect(env.evidenceDir).toBe(path.resolve(world.dir));
  });

  it("[EVIDENCE] POST upload: 201, then download with attachment, stored type, nosniff and no-store", async () => {
    as(actors.director);
    const content = bytes("%PDF-1.7\n% route\n%%EOF\n");
    const response = await post(uploadRequest(content, "Procédure d'accès.pdf"));
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body.link).toMatchObject({
      fileName: "Procédure d'accès.pdf",
      mimeType: "application/pdf",
      size: content.length,
    });

    const download = await downloadRoute.GET(
      new Request(`${ORIGIN}/api/evidence/${body.evidence.evidenceId}`),
      params({ evidenceId: body.evidence.evidenceId }),
    );
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("application/pdf");
    expect(download.headers.get("content-disposition")).toBe(
      "attachment; filename=\"Procedure d'acces.pdf\"; filename*=UTF-8''Proc%C3%A9dure%20d%27acc%C3%A8s.pdf",
    );
    expect(download.headers.get("x-content-type-options")).toBe("nosniff");
    expect(download.headers.get("cache-control")).toBe("private, no-store");
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(content);
    // The download is audited: who took which file (refusals below leave no row).
    const downloads = () => db.auditEvent.findMany({ where: { action: "evidence.download" } });
    expect(await downloads()).toEqual([
      expect.objectContaining({
        actorId: actors.director.id,
        entity: "Evidence",
        entityId: body.evidence.evidenceId,
        after: expect.objectContaining({ sha256: body.link.sha256, size: content.length }),
      }),
    ]);

    for (const actor of [actors.delegate, actors.ars]) {
      as(actor);
      const refused = await downloadRoute.GET(
        new Request(`${ORIGIN}/api/evidence/x`),
        params({ evidenceId: body.evidence.evidenceId }),
      );
      expect(refused.status).toBe(404);
      expect((await refused.json()).error.message).toMatch(/introuvable/);
    }
    as(null);
    expect(
      (
        await downloadRoute.GET(
          new Request(`${ORIGIN}/api/evidence/x`),
          params({ evidenceId: body.evidence.evidenceId }),
        )
      ).status,
    ).toBe(401);
    expect(await downloads()).toHaveLength(1);
  });

  it("[EVIDENCE] POST upload refusals: cross-origin 403, too large 413 before reading, renamed PNG 415, no session 401", async () => {
    as(actors.director);
    expect((await post(uploadRequest(SAMPLES.pdf, "a.pdf", "D1.1", { origin: "http://evil.test" }))).status).toBe(403);

    const declared = new Request(`${ORIGIN}/api/assessments/${assessmentId}/evidence`, {
      method: "POST",
      body: "--x--",
      headers: {
        host: "socle.test",
        origin: ORIGIN,
        "content-type": "multipart/form-data; boundary=x",
        "content-length": String(MAX_EVIDENCE_BYTES * 2),
      },
    });
    const tooLarge = await post(declared);
    expect(tooLarge.status).toBe(413);
    expect((await tooLarge.json()).error.message).toBe(TOO_LARGE_MESSAGE);

    const renamed = await post(uploadRequest(SAMPLES.png, "rapport.pdf"));
    expect(renamed.status).toBe(415);
    expect((await renamed.json()).error.message).toBe(UNSUPPORTED_MESSAGE);

    // A reader of the shared assessment is refused before the body is read.
    as(actors.delegate);
    const unread = uploadRequest(SAMPLES.pdf, "a.pdf");
    expect((await post(unread)).status).toBe(404);
    expect(unread.bodyUsed).toBe(false);

    as(null);
    expect((await post(uploadRequest(SAMPLES.pdf, "a.pdf"))).status).toBe(401);
  });

  it("[EVIDENCE] POST links then DELETE the link: 201, 409 when linked twice, 200 on removal, 404 after", async () => {
    as(actors.director);
    const uploaded = await (await post(uploadRequest(bytes("%PDF-1.4\n% lien\n"), "lien.pdf"))).json();
    const url = `/api/assessments/${assessmentId}/evidence/links`;
    const input = { evidenceId: uploaded.evidence.evidenceId, requirementCode: "D1.2" };
    const linked = await linksRoute.POST(json("POST", url, input), params({ assessmentId }));
    expect(linked.status).toBe(201);
    const link = await linked.json();
    expect((await linksRoute.POST(json("POST", url, input), params({ assessmentId }))).status).toBe(409);
    expect((await linksRoute.POST(json("POST", url, { ...input, extra: 1 }), params({ assessmentId }))).status).toBe(
      400,
    );

    const removed = await linkRoute.DELETE(
      json("DELETE", `${url}/${link.linkId}`, {}),
      params({ assessmentId, linkId: link.linkId }),
    );
    expect(removed.status).toBe(200);
    expect((await removed.json()).linkId).toBe(link.linkId);
    expect(
      (
        await linkRoute.DELETE(
          json("DELETE", `${url}/${link.linkId}`, {}),
          params({ assessmentId, linkId: link.linkId }),
        )
      ).status,
    ).toBe(404);
  });
});
