import "server-only";
import { createHash } from "node:crypto";
import { stat } from "node:fs/promises";
import { Zip, ZipDeflate, ZipPassThrough } from "fflate";
import { getAssessmentOrThrow } from "@/lib/assessments/access";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/core/db";
import { AppError } from "@/lib/core/errors";
import { openEvidenceStream, storagePath } from "@/lib/evidence/storage";
import { loadLinkedEvidence } from "./build-payload";
import { type DossierOptions, dossierFileName, dossierForLoaded } from "./generate";
import { formatVerificationCode } from "./seal";

// The evidence bundle, the director's alone: a ZIP streamed entry by entry (never assembled in
// memory) holding the dossier PDF, every file linked to a requirement under pieces/<code>/<name>,
// and manifest.json last, with the size and SHA-256 of each entry as it was actually written.
// Files are stored uncompressed (PDFs, images and office files are compressed already).

export type BundleOptions = DossierOptions & { evidenceDir?: string };

export type Manifest = {
  files: { path: string; size: number; sha256: string }[];
  dossier: { verificationCode: string | null; sha256: string };
};

type Entry = { path: string; open: () => Promise<AsyncIterable<Uint8Array>>; expectedSha256?: string };

/** A name safe as one ZIP path segment, unique within its folder ("x.pdf", "x (2).pdf"). */
export function entryName(raw: string, taken: Set<string>): string {
  const clean =
    raw
      .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]/g, "_")
      .replace(/^\.+/, "_")
      .trim()
      .slice(0, 180) || "fichier";
  let name = clean;
  const dot = clean.lastIndexOf(".");
  const [base, ext] = dot > 0 ? [clean.slice(0, dot), clean.slice(dot)] : [clean, ""];
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base} (${n})${ext}`;
  taken.add(name.toLowerCase());
  return name;
}

const folderOf = (code: string) => code.replace(/[^A-Za-z0-9._-]/g, "_").replace(/^\.+/, "_") || "_";

// "Made by" Unix with rw-r--r-- files: unzip then takes the UTF-8 names as they are (with the
// MS-DOS default it re-encodes them from CP437 and "Procès" comes out garbled). fflate sets the
// UTF-8 flag itself for non-ASCII names, which Windows and macOS honour.
const UNIX_FILE = { os: 3, attrs: (0o100644 << 16) >>> 0 };

async function* once(bytes: Uint8Array): AsyncIterable<Uint8Array> {
  yield bytes;
}

async function* zipChunks(
  entries: Entry[],
  dossier: { verificationCode: string | null; sha256: string },
): AsyncGenerator<Uint8Array> {
  const out: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, chunk) => {
    if (err) failure = err;
    else out.push(chunk);
  });
  const drain = function* () {
    if (failure) throw failure;
    while (out.length) yield out.shift()!;
  };
  const manifest: Manifest = { files: [], dossier };
  const mtime = new Date();
  for (const entry of entries) {
    const file = new ZipPassThrough(entry.path);
    Object.assign(file, UNIX_FILE, { mtime });
    zip.add(file);
    const hash = createHash("sha256");
    let size = 0;
    for await (const chunk of await entry.open()) {
      hash.update(chunk);
      size += chunk.byteLength;
      file.push(chunk);
      yield* drain();
    }
    file.push(new Uint8Array(0), true);
    yield* drain();
    const sha256 = hash.digest("hex");
    if (entry.expectedSha256 && entry.expectedSha256 !== sha256) {
      console.error(`[socle] evidence file differs from its recorded SHA-256: ${entry.path}`);
    }
    manifest.files.push({ path: entry.path, size, sha256 });
  }
  const json = new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`);
  const manifestFile = new ZipDeflate("manifest.json", { level: 6 });
  Object.assign(manifestFile, UNIX_FILE, { mtime });
  zip.add(manifestFile);
  manifestFile.push(json, true);
  zip.end();
  yield* drain();
}

/**
 * The bundle of an assessment, for its director only (NOT_FOUND for anyone else). Every file is
 * checked to exist before the response starts, so a missing one is a clean error, not a cut ZIP.
 */
export async function openDossierBundle(
  db: Db,
  actor: Actor,
  assessmentId: string,
  options: BundleOptions,
): Promise<{ stream: ReadableStream<Uint8Array>; fileName: string }> {
  const assessment = await getAssessmentOrThrow(db, actor, assessmentId, "dossier.bundle");
  const dossier = await dossierForLoaded(db, actor, assessment, options);
  const links = await loadLinkedEvidence(db, assessment.id);

  const entries: Entry[] = [{ path: dossier.fileName, open: async () => once(dossier.bytes) }];
  const takenByFolder = new Map<string, Set<string>>();
  const seen = new Set<string>();
  const ordered = [...links].sort((a, b) =>
    a.requirementCode.localeCompare(b.requirementCode, "fr", { numeric: true }),
  );
  for (const link of ordered) {
    const folder = folderOf(link.requirementCode);
    const key = `${folder}/${link.evidence.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const taken = takenByFolder.get(folder) ?? new Set<string>();
    takenByFolder.set(folder, taken);
    const storageKey = link.evidence.storageKey;
    const info = await stat(storagePath(storageKey, options.evidenceDir)).catch(() => null);
    if (!info?.isFile()) {
      console.error(`[socle] evidence file missing on disk: ${storageKey}`);
      throw new AppError(
        "NOT_FOUND",
        `La pièce « ${link.evidence.fileName} » est introuvable sur le serveur : signalez-le à l'administrateur de la plateforme.`,
      );
    }
    entries.push({
      path: `pieces/${folder}/${entryName(link.evidence.fileName, taken)}`,
      expectedSha256: link.evidence.sha256,
      open: async () =>
        (await openEvidenceStream(storageKey, options.evidenceDir)).stream as unknown as AsyncIterable<Uint8Array>,
    });
  }

  await db.$transaction(async (tx) => {
    await recordAudit(tx, {
      actorId: actor.id,
      action: "dossier.bundle",
      entity: "Assessment",
      entityId: assessment.id,
      establishmentId: assessment.establishmentId,
      after: { files: entries.length, dossierSha256: dossier.sha256 },
      requestId: options.requestId ?? null,
    });
  });

  const code = dossier.verificationCode ? formatVerificationCode(dossier.verificationCode) : null;
  const chunks = zipChunks(entries, { verificationCode: code, sha256: dossier.sha256 });
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      } catch (error) {
        console.error("[socle] evidence bundle failed while streaming", error);
        controller.error(error);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  const fileName = dossierFileName(
    assessment.establishment.finess,
    assessment.campaign.name,
    assessment.status === "draft",
    "zip",
  ).replace(/\.zip$/, "-lot.zip");
  return { stream, fileName };
}
