import "server-only";
import type { Db } from "@/lib/core/db";
import { mappingKind, weakerKind, type TMappingKind, type TReferentialFile } from "@/lib/referentials/schemas";
import type { LoadedAssessment } from "./access";
import { checkAnswer, type StoredAnswer, type TAnswerKind } from "./answer-schemas";
import { referentialOf } from "@/lib/referentials/referential-of";

/**
 * What another programme's questionnaire says about a requirement, by the mapping's kind:
 * `equivalent` offers the answer to pre-fill (one click), `partial` shows it "à revoir" (never
 * applied), `related` only names the other requirement (no answer carried over).
 */
export type ReusableAnswer = {
  source: string;
  mapping: TMappingKind;
  kind: TAnswerKind;
  value: unknown;
  justification: string | null;
  /** Whether the value fits this requirement's answer type (else only the link is shown). */
  fits: boolean;
};

const STRENGTH: Record<TMappingKind, number> = { equivalent: 0, partial: 1, related: 2 };

/**
 * The kind of the link between two requirements, both directions read: a kind stated on either side
 * counts (a referential may be republished with kinds while the other is not yet); when the two
 * sides state different kinds, the more cautious wins; when neither states one, `related`.
 */
function linkKinds(target: TReferentialFile, code: string, source: TReferentialFile): Map<string, TMappingKind> {
  const stated = new Map<string, TMappingKind | undefined>();
  const note = (other: string, kind: TMappingKind | undefined) => {
    const known = stated.get(other);
    stated.set(other, known && kind ? weakerKind(known, kind) : (known ?? kind));
  };
  const requirement = target.requirements.find((r) => r.code === code);
  for (const m of requirement?.mappings ?? []) if (m.referential === source.id) note(m.code, m.kind);
  for (const r of source.requirements)
    for (const m of r.mappings) if (m.referential === target.id && m.code === code) note(r.code, m.kind);
  return new Map([...stated].map(([other, kind]) => [other, mappingKind({ kind })]));
}

/**
 * Answers the establishment already gave in another programme's questionnaire, for requirements
 * mapped to each other (either direction). Offered, never applied: the user decides, and only an
 * equivalent mapping offers to pre-fill. Called after the scoped load of `assessment`, on its own
 * establishment only. Several offers per requirement, strongest kind first.
 */
export async function findReusableAnswers(
  db: Db,
  assessment: LoadedAssessment,
  current: Map<string, StoredAnswer>,
): Promise<Map<string, ReusableAnswer[]>> {
  const target = assessment.referential;
  const others = await db.assessment.findMany({
    where: { establishmentId: assessment.establishmentId, id: { not: assessment.id }, status: { not: "superseded" } },
    orderBy: { updatedAt: "desc" },
    select: {
      campaign: { select: { name: true, referentialVersion: { select: { referentialId: true, content: true } } } },
      answers: true,
    },
  });
  const offers = new Map<string, ReusableAnswer[]>();
  const seen = new Set<string>();
  for (const other of others) {
    const source = referentialOf(other.campaign.referentialVersion);
    if (source.id === target.id) continue; // same programme: that is carry-forward, not reuse
    const answers = new Map(other.answers.map((a) => [a.requirementCode, a]));
    for (const requirement of target.requirements) {
      const open = !current.get(requirement.code) || current.get(requirement.code)?.needsConfirmation;
      if (!open) continue;
      for (const [code, mapping] of linkKinds(target, requirement.code, source)) {
        const key = `${requirement.code}|${source.id}|${code}`;
        if (seen.has(key)) continue; // the most recent assessment of that programme speaks
        const found = answers.get(code);
        const usable = found && found.kind !== "unknown" && !found.needsConfirmation;
        if (!usable) continue;
        const fits = checkAnswer(requirement, found) === null;
        if (mapping === "equivalent" && !fits) continue;
        seen.add(key);
        const list = offers.get(requirement.code) ?? [];
        list.push({
          source: `${other.campaign.name} · ${code}`,
          mapping,
          kind: found.kind,
          value: found.value,
          justification: found.justification,
          fits,
        });
        offers.set(requirement.code, list);
      }
    }
  }
  for (const list of offers.values()) list.sort((a, b) => STRENGTH[a.mapping] - STRENGTH[b.mapping]);
  return offers;
}
