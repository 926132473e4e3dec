import "server-only";
import { loadActor, type Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/scope";
import type { Db } from "@/lib/core/db";
import { sealDossier } from "./generate";

// Submitted revisions whose dossier is not sealed yet: the demo's seeded submissions, or a seal that
// failed every try after its submission. The server seals them when it starts (instrumentation.ts),
// as the director who submitted, a first batch before it answers requests and the rest just after. A
// download never seals.
//
// A submission whose submitter cannot manage it any more (account gone or disabled, no director
// role there) is skipped without trying: sealing would only fail, once per start. They are counted
// in ONE summary line; a real failure is logged once, with its reason.

export type SealPendingOutcome = {
  sealed: number;
  /** The submitter cannot seal it (gone, disabled, or no longer manages the establishment). */
  skipped: number;
  /** Tried and failed (logged with the reason). */
  failed: number;
  /** Sealable ones past `limit`, left for the next batch (instrumentation.ts runs batches until none seals). */
  left: number;
};

type Log = (line: string) => void;

export async function sealPendingDossiers(
  db: Db,
  origin: string,
  limit = 20,
  log: { info: Log; error: Log } = { info: console.info, error: console.error },
): Promise<SealPendingOutcome> {
  const pending = await db.assessment.findMany({
    where: { status: { in: ["submitted", "superseded"] }, dossiers: { none: {} }, submittedById: { not: null } },
    orderBy: { submittedAt: "asc" },
    select: {
      id: true,
      submittedById: true,
      status: true,
      sharing: true,
      establishmentId: true,
      establishment: { select: { ghtId: true, regionId: true } },
    },
  });
  const actors = new Map<string, Actor | null>();
  const sealable: { id: string; submitter: Actor }[] = [];
  let skipped = 0;
  for (const a of pending) {
    if (!actors.has(a.submittedById!)) actors.set(a.submittedById!, await loadActor(db, a.submittedById!));
    const submitter = actors.get(a.submittedById!) ?? null;
    const facts = {
      establishmentId: a.establishmentId,
      ghtId: a.establishment.ghtId,
      regionId: a.establishment.regionId,
      sharing: a.sharing,
      status: a.status,
    };
    if (submitter && can(submitter, "assessment.manage", facts)) sealable.push({ id: a.id, submitter });
    else skipped++;
  }
  let sealed = 0;
  let failed = 0;
  for (const { id, submitter } of sealable.slice(0, limit)) {
    try {
      await sealDossier(db, submitter, id, { origin, requestId: "startup-seal" });
      sealed++;
    } catch (error) {
      failed++;
      const reason = error instanceof Error ? error.message : String(error);
      log.error(
        `[socle] dossier of ${id} not sealed at start (${reason}); its director can seal it from the assessment page`,
      );
    }
  }
  const left = Math.max(0, sealable.length - limit);
  if (pending.length)
    log.info(
      `[socle] dossiers pending at start: ${sealed} sealed` +
        (failed ? `, ${failed} failed (logged above)` : "") +
        (skipped
          ? `, ${skipped} skipped (their submitter can no longer seal them: a director seals them from the assessment page)`
          : "") +
        (left ? `, ${left} left for the next batch` : "") +
        ".",
    );
  return { sealed, skipped, failed, left };
}
