import "server-only";
import { createHash, type Hash } from "node:crypto";
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import busboy from "busboy";
import { AppError } from "@/lib/core/errors";
import { detectKinds } from "@/lib/evidence/sniff";
import { MAX_VERIFY_BYTES } from "./verify-shared";

// The public verifier's upload, read as a stream: the multipart body goes through busboy and the
// "file" part straight into SHA-256, so a 20 Mo dossier is never held in memory, not even once.

const TOO_LARGE = "Le fichier dépasse 20 Mo : ce n'est pas un dossier émis par Socle.";
const UNREADABLE = "Le fichier n'a pas pu être lu : déposez le PDF du dossier.";
const NOT_PDF = "Ce fichier n'est pas un PDF : déposez le dossier PDF reçu de l'établissement.";
const PDF_MAGIC_BYTES = 8;

export type HashUploadOptions = {
  maxBytes?: number;
  /** The digest fed with the file's bytes as they arrive (a test counts them through it). */
  createDigest?: () => Pick<Hash, "update" | "digest">;
};

/** The SHA-256 of the multipart field "file"; 400 without it or when empty, 413 past `maxBytes`, 415 if not a PDF. */
export async function hashMultipartFile(
  request: Request,
  { maxBytes = MAX_VERIFY_BYTES, createDigest = () => createHash("sha256") }: HashUploadOptions = {},
): Promise<string> {
  if (!request.body) throw new AppError("BAD_INPUT", "Déposez le fichier PDF du dossier à vérifier.");
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": request.headers.get("content-type") ?? "" },
      limits: { files: 1, fileSize: maxBytes, fields: 10, fieldSize: 1024, parts: 12 },
    });
  } catch {
    throw new AppError("BAD_INPUT", UNREADABLE);
  }
  const body = Readable.fromWeb(request.body as NodeReadableStream<Uint8Array>);

  const hashed = new Promise<string>((resolve, reject) => {
    let found = false;
    parser.on("file", (name, file) => {
      if (name !== "file" || found) {
        file.resume();
        return;
      }
      found = true;
      const hash = createDigest();
      let size = 0;
      let head = new Uint8Array(0);
      file.on("data", (chunk: Buffer) => {
        if (head.length < PDF_MAGIC_BYTES) {
          head = Buffer.concat([head, chunk.subarray(0, PDF_MAGIC_BYTES - head.length)]);
          if (head.length >= PDF_MAGIC_BYTES && !detectKinds({ head }).includes("pdf")) {
            reject(new AppError("UNSUPPORTED_MEDIA", NOT_PDF));
          }
        }
        size += chunk.byteLength;
        hash.update(chunk);
      });
      file.on("limit", () => reject(new AppError("PAYLOAD_TOO_LARGE", TOO_LARGE)));
      file.on("end", () => {
        if (size === 0) reject(new AppError("BAD_INPUT", "Le fichier déposé est vide."));
        else if (!detectKinds({ head }).includes("pdf")) reject(new AppError("UNSUPPORTED_MEDIA", NOT_PDF));
        else resolve(hash.digest("hex"));
      });
    });
    parser.on("error", () => reject(new AppError("BAD_INPUT", UNREADABLE)));
    parser.on("close", () => {
      if (!found) reject(new AppError("BAD_INPUT", "Déposez le fichier PDF du dossier à vérifier."));
    });
    body.on("error", () => reject(new AppError("BAD_INPUT", UNREADABLE)));
  });

  let read = 0;
  body.on("data", (chunk: Buffer) => (read += chunk.byteLength));
  body.pipe(parser);
  try {
    return await hashed;
  } finally {
    if (!body.readableEnded) dropRest(body, parser, () => read, maxBytes + DRAIN_SLACK);
  }
}

const DRAIN_SLACK = 1024 * 1024;

/**
 * What is left of a refused upload: read and dropped while the body stays within `bound` (the
 * client then gets the answer cleanly), cut past it. Cutting a body still being sent is the only
 * way to stop an endless upload.
 */
function dropRest(body: Readable, parser: busboy.Busboy, read: () => number, bound: number) {
  body.unpipe(parser);
  parser.removeAllListeners("file");
  if (read() > bound) {
    body.destroy();
    return;
  }
  body.on("data", () => {
    if (read() > bound) body.destroy();
  });
  body.on("error", () => undefined);
  body.resume();
}
