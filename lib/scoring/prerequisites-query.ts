import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assessmentScope } from "@/lib/auth/scope";
import type { Db } from "@/lib/core/db";
import { getVersionContent } from "@/lib/referentials/queries";
import type { TReferentialFile } from "@/lib/referentials/schemas";
import { toScoreAnswers } from "./coverage-query";
import { scoreAssessment } from "./score";
import type { PrerequisiteGate } from "./types";

// The gate of a `per_usage_domain` rule (HOP'EN usage): the verdict of the prerequisites.
// Rule, kept simple and stated in ARCHITECTURE.md: the same establishment's assessment of the named
// referential (`prerequisites: hopen-socle`) in a campaign of the same year, latest revision that is
// not superseded, read with the actor's own scope. Missing or out of the actor's scope: not found,
// and then no usage domain is eligible (what cannot be read cannot lift the gate). The dossier passes
// no actor: it is the establishment's own filing, sealed once, so its gate must not depend on who
// happened to download it first (it prints codes only, never the socle's answers).

export type GateSubject = {
  establishmentId: string;
  year: number;
  referential: TReferentialFile;
};

export async function loadPrerequisiteGate(
  db: Db,
  actor: Actor | null,
  subject: GateSubject,
): Promise<PrerequisiteGate | undefined> {
  const rule = subject.referential.eligibility;
  if (rule.kind !== "per_usage_domain" || !rule.prerequisites) return undefined;
  const referentialId = rule.prerequisites;
  const row = await db.assessment.findFirst({
    where: {
      AND: [
        {
          establishmentId: subject.establishmentId,
          status: { not: "superseded" },
          campaign: { year: subject.year, referentialVersion: { referentialId } },
        },
        actor ? assessmentScope(actor, "assessment.read") : {},
      ],
    },
    orderBy: [{ campaign: { createdAt: "desc" } }, { revision: "desc" }],
    select: {
      revision: true,
      options: true,
      campaign: { select: { name: true, referentialVersionId: true } },
      answers: { select: { requirementCode: true, kind: true, value: true, needsConfirmation: true } },
    },
  });
  if (!row) return { referentialId, found: false, source: null, status: null, missing: [], provisional: [] };
  const referential = await getVersionContent(db, row.campaign.referentialVersionId);
  const { verdict } = scoreAssessment({
    referential,
    answers: toScoreAnswers(row.answers),
    options: (row.options ?? {}) as Record<string, unknown>,
  });
  return {
    referentialId,
    found: true,
    source: `${row.campaign.name}, révision ${row.revision}`,
    status: verdict.status,
    missing: verdict.blockingMissing.map((r) => r.code),
    provisional: verdict.provisional.map((p) => p.code),
  };
}
