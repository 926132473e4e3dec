import { describe, expect, it, vi } from "vitest";
import { dossierWorld } from "@/test/dossier/world";

// The public check of a dossier, by its code and by its bytes, and the verification route's limits.
// The shared world: test/dossier/world.ts.

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

const { verifyByBytes, verifyByCode } = await import("./verify");
const { handleVerifyRequest, VERIFY_LIMIT } = await import("./verify-request");
const { formatVerificationCode } = await import("./seal");

const w = dossierWorld(dirs);

describe("[DOSSIER] public verification", () => {
  it("finds a dossier by its code, typed loosely, and answers only the public facts", async () => {
    const pdf = await w.download(w.actors.director);
    const code = formatVerificationCode(pdf.verificationCode!);
    const result = await verifyByCode(w.db, ` ${code.toLowerCase()} `);
    expect(result).toEqual({
      authentic: true,
      establishment: w.establishmentName,
      campaign: "Campagne 2026",
      submittedAt: "2026-06-30T10:00:00.000Z",
      generatedAt: pdf.generatedAt.toISOString(),
    });
  });

  it("accepts the genuine bytes and refuses a copy with one byte changed", async () => {
    const pdf = await w.download(w.actors.director);
    expect((await verifyByBytes(w.db, pdf.bytes)).authentic).toBe(true);
    const altered = Buffer.from(pdf.bytes);
    const at = Math.floor(altered.length / 2);
    altered[at] = altered[at]! ^ 0x01;
    expect(await verifyByBytes(w.db, altered)).toEqual({ authentic: false, reason: "no_match" });
  });

  it("says not found for an unknown code and refuses a malformed one", async () => {
    expect(await verifyByCode(w.db, "2345-6789-ABCD")).toEqual({ authentic: false, reason: "unknown_code" });
    await expect(verifyByCode(w.db, "0000-1111-OOOO")).rejects.toMatchObject({ code: "BAD_INPUT" });
    await expect(verifyByCode(w.db, "")).rejects.toMatchObject({ code: "BAD_INPUT" });
  });

  it("POST /api/verifier: JSON or multipart, 400 on bad input, 415 on another type, never 500", async () => {
    const pdf = await w.download(w.actors.director);
    const req = (ip: string, body: BodyInit | null, contentType?: string) =>
      new Request("http://socle.test/api/verifier", {
        method: "POST",
        body,
        headers: { "x-forwarded-for": ip, ...(contentType ? { "content-type": contentType } : {}) },
      });
    const ok = await handleVerifyRequest(
      w.db,
      req("10.0.0.1", JSON.stringify({ code: formatVerificationCode(pdf.verificationCode!) }), "application/json"),
    );
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ result: { authentic: true, establishment: w.establishmentName } });

    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(pdf.bytes)], { type: "application/pdf" }), "dossier.pdf");
    const upload = await handleVerifyRequest(
      w.db,
      new Request("http://socle.test/api/verifier", {
        method: "POST",
        body: form,
        headers: { "x-forwarded-for": "10.0.0.1" },
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
      const r = await handleVerifyRequest(w.db, req("10.0.0.2", body, type));
      expect(r.status, `${type} ${String(body).slice(0, 20)}`).toBe(status);
      expect((r.body as { error: { message: string } }).error.message).toMatch(/\S/);
    }
    const empty = new FormData();
    empty.append("file", new Blob([]), "vide.pdf");
    expect(
      (
        await handleVerifyRequest(
          w.db,
          new Request("http://socle.test/api/verifier", {
            method: "POST",
            body: empty,
            headers: { "x-forwarded-for": "10.0.0.3" },
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
      w.db,
      new Request("http://socle.test/api/verifier", {
        method: "POST",
        body: png,
        headers: { "x-forwarded-for": "10.0.0.3" },
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
          w.db,
          new Request("http://socle.test/api/verifier", {
            method: "POST",
            body: noFile,
            headers: { "x-forwarded-for": "10.0.0.3" },
          }),
        )
      ).status,
    ).toBe(400);
    const big = await handleVerifyRequest(
      w.db,
      new Request("http://socle.test/api/verifier", {
        method: "POST",
        body: "x",
        headers: {
          "x-forwarded-for": "10.0.0.3",
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
        headers: { "x-forwarded-for": ip, "content-type": "application/json" },
      });
    for (let i = 0; i < VERIFY_LIMIT.max; i++)
      expect((await handleVerifyRequest(w.db, req("10.9.9.9"))).status).toBe(200);
    const limited = await handleVerifyRequest(w.db, req("10.9.9.9"));
    expect(limited.status).toBe(429);
    expect((limited.body as { error: { message: string } }).error.message).toMatch(/Trop de vérifications/);
    expect((await handleVerifyRequest(w.db, req("10.9.9.10"))).status).toBe(200);
  });
});
