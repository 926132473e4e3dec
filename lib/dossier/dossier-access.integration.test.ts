import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { EVIDENCE_NAME, flat, ORIGIN, pdfText, readAll, dossierWorld, UTF8 } from "@/test/dossier/world";

// The evidence bundle (read back with unzip), who may download what, the download routes, and a
// draft's watermarked rendering. The shared world: test/dossier/world.ts.

const dirs = vi.hoisted(() => {
  const base = `${process.env.TMPDIR ?? "/tmp"}/socle-dossier-${globalThis.crypto.randomUUID()}`;
  process.env.SOCLE_DATA_DIR = `${base}/data`;
  process.env.EVIDENCE_DIR = `${base}/evidence`;
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

const { openDossierBundle } = await import("./bundle");
const { verifyByBytes } = await import("./verify");
const { listRegionDossiers } = await import("./queries");
const { formatVerificationCode } = await import("./seal");
const dossierRoute = await import("@/app/api/assessments/[assessmentId]/dossier/route");
const bundleRoute = await import("@/app/api/assessments/[assessmentId]/dossier/bundle/route");
const verifierRoute = await import("@/app/api/verifier/route");

const w = dossierWorld(dirs);

describe("[DOSSIER] evidence bundle", () => {
  it("streams a ZIP whose manifest hashes match the files inside", async () => {
    const pdf = await w.download(w.actors.director);
    const { stream, fileName } = await openDossierBundle(w.db, w.actors.director, w.submittedId, {
      origin: ORIGIN,
      requestId: "test",
      evidenceDir: dirs.evidence,
    });
    expect(fileName).toBe(`dossier-${w.finess}-campagne-2026-lot.zip`);
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
    expect(manifest.files[1].sha256).toBe(w.evidenceSha);
    expect(await w.db.auditEvent.count({ where: { action: "dossier.bundle", entityId: w.submittedId } })).toBe(1);
  });
});

describe("[DOSSIER] access", () => {
  it("lets the director, a contributor and the region's ARS download the submitted dossier", async () => {
    for (const key of ["director", "contributor", "ars"] as const) {
      const pdf = await w.download(w.actors[key]);
      expect(pdf.isDraft, key).toBe(false);
    }
  });

  it("answers NOT_FOUND to the delegate, another director, another region's ARS and the admin", async () => {
    for (const key of ["delegate", "otherDirector", "otherArs", "admin"] as const) {
      await expect(w.download(w.actors[key]), key).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
  });

  it("keeps the bundle to the director", async () => {
    for (const key of ["contributor", "ars", "delegate", "otherDirector", "otherArs", "admin"] as const) {
      await expect(
        openDossierBundle(w.db, w.actors[key], w.submittedId, { origin: ORIGIN, evidenceDir: dirs.evidence }),
        key,
      ).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
  });

  it("hides drafts from the ARS, and lists the region's submitted dossiers for its ARS only", async () => {
    await expect(w.download(w.actors.ars, w.draftId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const region = (await w.db.region.findUniqueOrThrow({ where: { code: "53" } })).id;
    const { dossiers } = await listRegionDossiers(w.db, w.actors.ars, region);
    expect(dossiers.map((d) => d.assessmentId)).toEqual([w.submittedId]);
    for (const key of ["delegate", "otherArs", "admin", "director"] as const) {
      await expect(listRegionDossiers(w.db, w.actors[key], region), key).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
  });
});

describe("[DOSSIER] routes", () => {
  const get = (route: typeof dossierRoute, actor: Actor | null, id = w.submittedId) => {
    dirs.actor = actor;
    return route.GET(new Request(`${ORIGIN}/api/assessments/${id}/dossier`), {
      params: Promise.resolve({ assessmentId: id }),
    });
  };

  it("GET …/dossier: the PDF as an attachment named after the FINESS and the campaign; 404 out of scope, 401 signed out", async () => {
    const ok = await get(dossierRoute, w.actors.ars);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("application/pdf");
    expect(ok.headers.get("content-disposition")).toBe(`attachment; filename="dossier-${w.finess}-campagne-2026.pdf"`);
    const bytes = Buffer.from(await ok.arrayBuffer());
    expect((await verifyByBytes(w.db, bytes)).authentic).toBe(true);
    for (const actor of [w.actors.delegate, w.actors.otherArs, w.actors.admin, w.actors.otherDirector]) {
      const miss = await get(dossierRoute, actor);
      expect(miss.status).toBe(404);
      expect((await miss.json()).error.message).toMatch(/introuvable/);
    }
    expect((await get(dossierRoute, w.actors.ars, w.draftId)).status).toBe(404);
    expect((await get(dossierRoute, null)).status).toBe(401);
  });

  it("GET …/dossier/bundle: a ZIP for the director, 404 for everyone else", async () => {
    const ok = await get(bundleRoute as unknown as typeof dossierRoute, w.actors.director);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("application/zip");
    expect(ok.headers.get("content-disposition")).toBe(
      `attachment; filename="dossier-${w.finess}-campagne-2026-lot.zip"`,
    );
    const zip = Buffer.from(await ok.arrayBuffer());
    expect(zip.subarray(0, 4).toString("latin1")).toBe("PK\u0003\u0004");
    for (const actor of [w.actors.contributor, w.actors.ars, w.actors.delegate, w.actors.admin]) {
      expect((await get(bundleRoute as unknown as typeof dossierRoute, actor)).status).toBe(404);
    }
  });

  it("POST /api/verifier answers JSON without a session", async () => {
    dirs.actor = null;
    const res = await verifierRoute.POST(
      new Request(`${ORIGIN}/api/verifier`, {
        method: "POST",
        body: JSON.stringify({ code: "ZZZZ-ZZZZ-ZZZZ" }),
        headers: { "content-type": "application/json", "x-forwarded-for": "10.1.1.1" },
      }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ result: { authentic: false, reason: "unknown_code" } });
  });
});

describe("[DOSSIER] draft", () => {
  it("renders a draft on the fly with the BROUILLON watermark, unstored and without a code", async () => {
    const before = await w.db.dossier.count();
    const pdf = await w.download(w.actors.otherDirector, w.draftId);
    expect(pdf.isDraft).toBe(true);
    expect(pdf.verificationCode).toBeNull();
    expect(pdf.fileName).toMatch(/-brouillon\.pdf$/);
    const text = pdfText(pdf.bytes);
    expect(text).toContain("BROUILLON");
    expect(text).not.toContain("Financement"); // no assumption applies to this establishment
    expect(flat(text)).toContain("Code de vérification : BROUILLON");
    expect(await w.db.dossier.count()).toBe(before);
    expect((await verifyByBytes(w.db, pdf.bytes)).authentic).toBe(false);
  });
});
