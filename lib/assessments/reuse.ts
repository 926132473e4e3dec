import "server-only";
import type { Db } from "@/lib/core/db";
import type { LoadedAssessment } from "./access";
import { checkAnswer, type StoredAnswer, type TAnswerKind } from "./answer-schemas";
import { referentialOf } from "@/lib/referentials/referential-of";

export type ReusableAnswer = { source: string; kind: TAnswerKind; value: unknown; justification: string | null };

/**
 * Answers the establishment already gave in another programme's questionnaire, for requirements
 * mapped to each other (either direction), e.g. HOP'EN P2.1 ↔ CaRE D2.O1.D. Offered, never applied:
 * the user decides. Called after the scoped load of `assessment`, on its own establishment only.
 */
export async function findReusableAnswers(
  db: Db,
  assessment: LoadedAssessment,
  current: Map<string, StoredAnswer>,
): Promise<Map<string, ReusableAnswer>> {
  const target = assessment.referential;
  const others = await db.assessment.findMany({
    where: { establishmentId: assessment.establishmentId, id: { not: assessment.id }, status: { not: "superseded" } },
    orderBy: { updatedAt: "desc" },
    select: {
      campaign: { select: { name: true, referentialVersion: { select: { referentialId: true, content: true } } } },
      answers: true,
    },
  });
  const offers = new Map<string, ReusableAnswer>();
  for (const other of others) {
    const source = referentialOf(other.campaign.referentialVersion);
    if (source.id === target.id) continue; // same programme: that is carry-forward, not reuse
    const answers = new Map(other.answers.map((a) => [a.requirementCode, a]));
    for (const requirement of target.requirements) {
      const open = !current.get(requirement.code) || current.get(requirement.code)?.needsConfirmation;
      if (!open || offers.has(requirement.code)) continue;
      const codes = [
        ...requirement.mappings.filter((m) => m.referential === source.id).map((m) => m.code),
        ...source.requirements
          .filter((r) => r.mappings.some((m) => m.referential === target.id && m.code === requirement.code))
          .map((r) => r.code),
      ];
      const found = codes.map((c) => answers.get(c)).find((a) => a && a.kind !== "unknown" && !a.needsConfirmation);
      if (!found || checkAnswer(requirement, found) !== null) continue;
      offers.set(requirement.code, {
        source: `${other.campaign.name} · ${found.requirementCode}`,
        kind: found.kind,
        value: found.value,
        justification: found.justification,
      });
    }
  }
  return offers;
}
