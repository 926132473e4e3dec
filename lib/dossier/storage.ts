import "server-only";
import { randomUUID } from "node:crypto";
import { mkdir, open, readFile, rename, rm } from "node:fs/promises";
import path from "node:path";
import { env } from "@/lib/core/env";
import { CODE_ALPHABET, CODE_LENGTH } from "./seal";

// Issued dossiers on disk: <dataDir>/dossiers/<code>.pdf, written once (temporary file, fsync,
// rename) and then only read, so a download always serves the bytes whose SHA-256 was stored.

export const defaultDossierDir = () => path.join(env.dataDir, "dossiers");

const KEY = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}\\.pdf$`);

export const storageKeyForCode = (code: string) => `${code}.pdf`;

export function dossierPath(storageKey: string, dir: string = defaultDossierDir()): string {
  if (!KEY.test(storageKey)) throw new Error("invalid dossier storage key");
  return path.join(path.resolve(/*turbopackIgnore: true*/ dir), storageKey);
}

/** Writes the file under its key; refuses to replace an existing one. */
export async function writeDossierFile(
  storageKey: string,
  bytes: Uint8Array,
  dir: string = defaultDossierDir(),
): Promise<void> {
  const target = dossierPath(storageKey, dir);
  await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
  const temp = path.join(path.dirname(target), `.${randomUUID()}.part`);
  const file = await open(temp, "wx", 0o600);
  try {
    await file.writeFile(bytes);
    await file.datasync();
  } finally {
    await file.close();
  }
  try {
    const existing = await open(target, "r").then(
      async (h) => (await h.close(), true),
      () => false,
    );
    if (existing) throw new Error(`dossier file already exists: ${storageKey}`);
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

export async function readDossierFile(storageKey: string, dir: string = defaultDossierDir()): Promise<Buffer | null> {
  return readFile(dossierPath(storageKey, dir)).catch(() => null);
}

export async function removeDossierFile(storageKey: string, dir: string = defaultDossierDir()): Promise<void> {
  await rm(dossierPath(storageKey, dir), { force: true });
}
