import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { type FileHandle, mkdir, open, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { env } from "@/lib/core/env";
import { AppError } from "@/lib/core/errors";
import { containsMacroMarker, LONGEST_MACRO_MARKER, MACRO_MARKERS, SNIFF_HEAD_BYTES, SNIFF_TAIL_BYTES } from "./sniff";
import { MAX_EVIDENCE_BYTES, TOO_LARGE_MESSAGE } from "./types";

// Evidence files on disk, under env.evidenceDir (never inside public/: files are only served by
// GET /api/evidence/[evidenceId], after the access check). An upload streams to a temporary file
// in <dir>/.tmp while its SHA-256 and size are computed, then is renamed to a content-addressed
// key, so the same content uploaded twice by an establishment is stored once. The client's file
// name never reaches a path.

export { sanitizeFileName } from "./file-name";

export type UploadSource = ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;

export type StagedUpload = {
  dir: string;
  tempPath: string;
  sha256: string;
  size: number;
  /** The first and last KBs, for sniff(). */
  head: Uint8Array;
  tail: Uint8Array;
  /** A VBA project's name appeared somewhere in the bytes (see hasMacros). */
  markerSeen: boolean;
};

type StorageOptions = { dir?: string; maxBytes?: number };

const SHA256 = /^[0-9a-f]{64}$/;
const OWNER = /^[A-Za-z0-9_-]{1,64}$/;
const STORAGE_KEY = /^[A-Za-z0-9_-]{1,64}\/[0-9a-f]{2}\/[0-9a-f]{64}$/;

/**
 * `<establishmentId>/<sha256[0..2]>/<sha256>`. Evidence.storageKey is unique, so the owner is part
 * of the key: two establishments holding the same file each have their own row and copy.
 */
export function storageKeyFor(establishmentId: string, sha256: string): string {
  if (!OWNER.test(establishmentId) || !SHA256.test(sha256)) throw new Error("invalid storage key parts");
  return `${establishmentId}/${sha256.slice(0, 2)}/${sha256}`;
}

/** The absolute path of a key, refusing anything that is not a key this module made. */
export function storagePath(storageKey: string, dir: string = env.evidenceDir): string {
  if (!STORAGE_KEY.test(storageKey)) throw new Error("invalid storage key");
  const root = path.resolve(/*turbopackIgnore: true*/ dir);
  const full = path.resolve(/*turbopackIgnore: true*/ root, ...storageKey.split("/"));
  if (path.relative(root, full).startsWith("..")) throw new Error("storage key outside the evidence folder");
  return full;
}

/**
 * Streams `source` to a temporary file, hashing and counting on the way. Over `maxBytes` (20 Mo)
 * the copy stops, the temporary file is removed and PAYLOAD_TOO_LARGE is thrown.
 */
export async function stageUpload(source: UploadSource, options: StorageOptions = {}): Promise<StagedUpload> {
  const dir = path.resolve(/*turbopackIgnore: true*/ options.dir ?? env.evidenceDir);
  const maxBytes = options.maxBytes ?? MAX_EVIDENCE_BYTES;
  const tmpDir = path.join(/*turbopackIgnore: true*/ dir, ".tmp");
  await mkdir(tmpDir, { recursive: true, mode: 0o700 });
  const tempPath = path.join(/*turbopackIgnore: true*/ tmpDir, `${randomUUID()}.part`);
  const file = await open(tempPath, "wx", 0o600);
  const hash = createHash("sha256");
  const head = new Uint8Array(SNIFF_HEAD_BYTES);
  let headLength = 0;
  let tail: Uint8Array = new Uint8Array(0);
  let size = 0;
  let markerSeen = false;
  let previous: Uint8Array = new Uint8Array(0); // the last bytes of the previous chunk: a marker may straddle two
  try {
    for await (const chunk of chunksOf(source)) {
      size += chunk.byteLength;
      if (size > maxBytes) throw new AppError("PAYLOAD_TOO_LARGE", TOO_LARGE_MESSAGE);
      hash.update(chunk);
      if (!markerSeen) {
        const seam = Buffer.concat([previous, chunk.subarray(0, LONGEST_MACRO_MARKER - 1)]);
        markerSeen = containsMacroMarker(seam) || macroMarkerInChunk(chunk);
        previous = chunk.slice(Math.max(0, chunk.byteLength - (LONGEST_MACRO_MARKER - 1)));
      }
      if (headLength < head.length) {
        const part = chunk.subarray(0, head.length - headLength);
        head.set(part, headLength);
        headLength += part.length;
      }
      tail = lastBytes(tail, chunk, SNIFF_TAIL_BYTES);
      await writeAll(file, chunk);
    }
    await file.datasync();
    await file.close();
  } catch (error) {
    await file.close().catch(() => undefined);
    await rm(tempPath, { force: true });
    throw error;
  }
  return { dir, tempPath, sha256: hash.digest("hex"), size, head: head.slice(0, headLength), tail, markerSeen };
}

// Buffer.indexOf is native: scanning a 20 Mo upload costs a few milliseconds.
function macroMarkerInChunk(chunk: Uint8Array): boolean {
  const buffer = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  return MACRO_MARKERS.some((marker) => buffer.indexOf(marker) >= 0);
}

/**
 * Moves a staged upload to its key. `created` is false when the key already held the file (same
 * content): the temporary copy is then dropped.
 */
export async function commitStaged(
  staged: StagedUpload,
  storageKey: string,
): Promise<{ storageKey: string; created: boolean }> {
  const target = storagePath(storageKey, staged.dir);
  await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
  if (await exists(target)) {
    await rm(staged.tempPath, { force: true });
    return { storageKey, created: false };
  }
  await rename(staged.tempPath, target);
  return { storageKey, created: true };
}

/** Removes a staged upload's temporary file (no-op once committed). */
export async function discardStaged(staged: StagedUpload): Promise<void> {
  await rm(staged.tempPath, { force: true });
}

/** Removes a stored file (a commit whose database row could not be written). */
export async function removeStored(storageKey: string, dir: string = env.evidenceDir): Promise<void> {
  await rm(storagePath(storageKey, dir), { force: true });
}

/** A stored file as a web stream, with its size on disk; NOT_FOUND when the file is missing. */
export async function openEvidenceStream(
  storageKey: string,
  dir: string = env.evidenceDir,
): Promise<{ stream: ReadableStream<Uint8Array>; size: number }> {
  const file = storagePath(storageKey, dir);
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) {
    console.error(`[socle] evidence file missing on disk: ${storageKey}`);
    throw new AppError(
      "NOT_FOUND",
      "Ce fichier est introuvable sur le serveur : signalez-le à l'administrateur de la plateforme.",
    );
  }
  const stream = Readable.toWeb(createReadStream(file)) as unknown as ReadableStream<Uint8Array>;
  return { stream, size: info.size };
}

// ─── Helpers ────────────────────────────────────────────────────────────────

async function* chunksOf(source: UploadSource): AsyncGenerator<Uint8Array> {
  if (!isReadableStream(source)) {
    for await (const chunk of source) yield chunk;
    return;
  }
  const reader = source.getReader();
  let done = false;
  try {
    while (!done) {
      const next = await reader.read();
      done = next.done;
      if (next.value) yield next.value;
    }
  } finally {
    // Stopped early (too large, disk error): tell the producer to stop sending.
    if (!done) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

function isReadableStream(source: UploadSource): source is ReadableStream<Uint8Array> {
  return typeof (source as ReadableStream<Uint8Array>).getReader === "function";
}

function lastBytes(previous: Uint8Array, chunk: Uint8Array, max: number): Uint8Array {
  if (chunk.length >= max) return chunk.slice(chunk.length - max);
  const keep = Math.min(previous.length, max - chunk.length);
  const out = new Uint8Array(keep + chunk.length);
  out.set(previous.subarray(previous.length - keep), 0);
  out.set(chunk, keep);
  return out;
}

async function writeAll(file: FileHandle, chunk: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < chunk.length) {
    const { bytesWritten } = await file.write(chunk, offset, chunk.length - offset);
    offset += bytesWritten;
  }
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    (s) => s.isFile(),
    () => false,
  );
}
