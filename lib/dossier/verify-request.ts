import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { clientIp, isLimited, type Limit, recordHit } from "@/lib/auth/rate-limit";
import { errorResult } from "@/lib/core/command";
import type { Db } from "@/lib/core/db";
import { AppError } from "@/lib/core/errors";
import { detectKinds } from "@/lib/evidence/sniff";
import { hashUpload, verifyByCode, verifyBySha256 } from "./verify";
import { MAX_VERIFY_BYTES, type VerifyResult } from "./verify-shared";

// POST /api/verifier without Next: public (no session), rate-limited per address, JSON {code} or
// a multipart upload of the PDF (field "file", 20 Mo at most). Bad input is a 400 with a French
// message, an abuser a 429, never a 500.

export const VERIFY_LIMIT = { max: 30, windowMs: 10 * 60 * 1000 } as const;
export const RATE_LIMITED_MESSAGE =
  "Trop de vérifications depuis votre adresse : réessayez dans une dizaine de minutes.";

export const verifyLimits = (ip: string): Limit[] => [{ key: `verify:ip:${ip}`, ...VERIFY_LIMIT }];

/** Counts one check from `ip`; RATE_LIMITED when the address used up its quota. */
export async function spendVerifyQuota(db: Db, ip: string): Promise<void> {
  const limits = verifyLimits(ip);
  if (await isLimited(db, limits)) throw new AppError("RATE_LIMITED", RATE_LIMITED_MESSAGE);
  await recordHit(
    db,
    limits.map((l) => l.key),
  );
}

const ZVerifyCode = z
  .object({ code: z.string({ error: "Saisissez le code de vérification." }).max(64, "Ce code est trop long.") })
  .strict();

const MULTIPART_OVERHEAD = 64 * 1024;

/** The body, refused past `max` bytes whatever Content-Length claims. */
async function readBounded(request: Request, max: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > max)
    throw new AppError("PAYLOAD_TOO_LARGE", "Le fichier dépasse 20 Mo : ce n'est pas un dossier émis par Socle.");
  if (!request.body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      throw new AppError("PAYLOAD_TOO_LARGE", "Le fichier dépasse 20 Mo : ce n'est pas un dossier émis par Socle.");
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

async function verifyUpload(db: Db, request: Request, contentType: string): Promise<VerifyResult> {
  const body = await readBounded(request, MAX_VERIFY_BYTES + MULTIPART_OVERHEAD);
  let form: FormData;
  try {
    form = await new Response(body, { headers: { "content-type": contentType } }).formData();
  } catch {
    throw new AppError("BAD_INPUT", "Le fichier n'a pas pu être lu : déposez le PDF du dossier.");
  }
  const file = form.get("file");
  if (!file || typeof file === "string")
    throw new AppError("BAD_INPUT", "Déposez le fichier PDF du dossier à vérifier.");
  // Not a PDF at all (by its bytes): say so, rather than "modified", which would send the reader
  // after a tampering that never happened. An empty file is left to hashUpload's own message.
  const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
  if (head.length > 0 && !detectKinds({ head }).includes("pdf")) {
    throw new AppError(
      "UNSUPPORTED_MEDIA",
      "Ce fichier n'est pas un PDF : déposez le dossier PDF reçu de l'établissement.",
    );
  }
  const sha256 = await hashUpload(file.stream());
  return verifyBySha256(db, sha256);
}

async function verifyJson(db: Db, request: Request): Promise<VerifyResult> {
  const text = new TextDecoder().decode(await readBounded(request, 4096));
  let json: unknown;
  try {
    json = JSON.parse(text || "{}");
  } catch {
    throw new AppError("BAD_INPUT", "Le contenu envoyé n'est pas du JSON valide.");
  }
  const parsed = ZVerifyCode.safeParse(json);
  if (!parsed.success)
    throw new AppError("BAD_INPUT", parsed.error.issues[0]?.message ?? "Saisissez le code de vérification.");
  return verifyByCode(db, parsed.data.code);
}

export async function handleVerifyRequest(
  db: Db,
  request: Request,
  requestId: string = randomUUID(),
): Promise<{ status: number; body: unknown }> {
  try {
    await spendVerifyQuota(db, clientIp(request.headers));
    const contentType = request.headers.get("content-type") ?? "";
    const mediaType = contentType.split(";")[0]!.trim().toLowerCase();
    let result: VerifyResult;
    if (mediaType === "application/json") result = await verifyJson(db, request);
    else if (mediaType === "multipart/form-data") result = await verifyUpload(db, request, contentType);
    else throw new AppError("UNSUPPORTED_MEDIA", "Envoyez le code en JSON ou le fichier PDF du dossier.");
    return { status: 200, body: { result } };
  } catch (error) {
    return errorResult(error, requestId);
  }
}
