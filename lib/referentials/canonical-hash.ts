import { createHash } from "node:crypto";
import { canonicalJson } from "./canonical-json";
import type { TReferentialFile } from "./schemas";

/**
 * SHA-256 (hex) of the validated referential's canonical JSON. Stored as ReferentialVersion.contentHash:
 * loading the same id and version again is a no-op when the hash matches and is refused when it does
 * not, since assessments already pinned to that version must not see their questions change.
 */
export function canonicalHash(referential: TReferentialFile): string {
  return createHash("sha256").update(canonicalJson(referential), "utf8").digest("hex");
}
