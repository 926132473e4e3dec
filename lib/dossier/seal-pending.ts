import "server-only";
import { loadActor } from "@/lib/auth/actor";
import type { Db } from "@/lib/core/db";
import { sealDossier } from "./generate";

// Submitted revisions whose dossier is not sealed yet: the demo's seeded submissions, or a seal that
// failed every try after its submission. The server seals them when it starts (instrumentation.ts),
// as the director who submitted, before it answers requests, so a download finds them sealed. A
// download never seals.

export async function sealPendingDossiers(
  db: Db,
  origin: string,
  limit = 20,
): Promise<{ sealed: number; skipped: number }> {
  const pending = await db.assessment.findMany({
    where: { status: { in: ["submitted", "superseded"] }, dossiers: { none: {} }, submittedById: { not: null } },
    orderBy: { submittedAt: "asc" },
    take: limit,
    select: { id: true, submittedById: true },
  });
  let sealed = 0;
  let skipped = 0;
  for (const a of pending) {
    const submitter = await loadActor(db, a.submittedById!);
    try {
      if (!submitter) throw new Error("the submitter's account is disabled or gone");
      await sealDossier(db, submitter, a.id, { origin, requestId: "startup-seal" });
      sealed++;
    } catch (error) {
      skipped++;
      console.error(
        `[socle] dossier of ${a.id} not sealed at start; its director can seal it from the assessment page`,
        error,
      );
    }
  }
  return { sealed, skipped };
}
