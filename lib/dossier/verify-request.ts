import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { clientIp, isLimited, type Limit, recordHit } from "@/lib/auth/rate-limit";
import { errorResult } from "@/lib/core/command";
import type { Db } from "@/lib/core/db";
import { AppError } from "@/lib/core/errors";
import { createGate, type Gate } from "@/lib/core/concurrency";
import { env } from "@/lib/core/env";
import { verifyByCode, verifyBySha256 } from "./verify";
import { hashMultipartFile } from "./verify-upload";
import { MAX_VERIFY_BYTES, type VerifyResult } from "./verify-shared";

// POST /api/verifier without Next: public (no session), rate-limited per address, JSON {code} or
// a multipart upload of the PDF (field "file", 20 Mo at most, hashed as a stream, a few at once). Bad input is a 400 with a French
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
export const BUSY_MESSAGE =
  "Le service de vérification reçoit trop de fichiers en ce moment : réessayez dans quelques instants, ou saisissez le code imprimé sur le dossier.";

// Uploads are hashed as they arrive (verify-upload.ts); a gate caps how many this process reads at
// once, so a burst of large files cannot hold the memory or the CPU of the server. One gate per
// process (on globalThis: Next may load this module once per route bundle), made on first use;
// a caller (a test) may pass its own.
const processGate = globalThis as unknown as { socleVerifyGate?: Gate };
const defaultUploadGate = () => (processGate.socleVerifyGate ??= createGate(env.verifierMaxConcurrent));

/** A small body (the JSON code), refused past `max` bytes whatever Content-Length claims. */
async function readBounded(request: Request, max: number): Promise<Uint8Array<ArrayBuffer>> {
  const tooLarge = () => new AppError("PAYLOAD_TOO_LARGE", "La requête est trop volumineuse.");
  if (Number(request.headers.get("content-length") ?? "0") > max) throw tooLarge();
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
      throw tooLarge();
    }
    chunks.push(value);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

async function verifyUpload(db: Db, request: Request, uploads: Gate): Promise<VerifyResult> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_VERIFY_BYTES + MULTIPART_OVERHEAD)
    throw new AppError("PAYLOAD_TOO_LARGE", "Le fichier dépasse 20 Mo : ce n'est pas un dossier émis par Socle.");
  const release = uploads.tryEnter();
  if (!release) throw new AppError("BUSY", BUSY_MESSAGE);
  try {
    return await verifyBySha256(db, await hashMultipartFile(request));
  } finally {
    release();
  }
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

export type VerifyRequestOptions = { requestId?: string; uploadGate?: Gate };

export async function handleVerifyRequest(
  db: Db,
  request: Request,
  { requestId = randomUUID(), uploadGate = defaultUploadGate() }: VerifyRequestOptions = {},
): Promise<{ status: number; body: unknown }> {
  try {
    await spendVerifyQuota(db, clientIp(request.headers));
    const contentType = request.headers.get("content-type") ?? "";
    const mediaType = contentType.split(";")[0]!.trim().toLowerCase();
    let result: VerifyResult;
    if (mediaType === "application/json") result = await verifyJson(db, request);
    else if (mediaType === "multipart/form-data") result = await verifyUpload(db, request, uploadGate);
    else throw new AppError("UNSUPPORTED_MEDIA", "Envoyez le code en JSON ou le fichier PDF du dossier.");
    return { status: 200, body: { result } };
  } catch (error) {
    return errorResult(error, requestId);
  }
}
