import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/core/db";
import { recordAudit, type AuditEntry } from "./record";

// Reading a file out of Socle is audited like a change: who took which evidence file, dossier,
// bundle or export, when. Written once the access check passed and before the first byte goes out,
// so a refused download leaves no row and a served one always has its row.

export type DownloadAction = "evidence.download" | "dossier.download" | "dossier.bundle" | "inventory.export";

export async function recordDownload(
  db: Db,
  actor: Actor,
  entry: Omit<AuditEntry, "actorId" | "action" | "before"> & { action: DownloadAction },
): Promise<void> {
  await db.$transaction(async (tx) => recordAudit(tx, { ...entry, actorId: actor.id }));
}
