import type { TAssessmentOption, TReferentialFile } from "@/lib/referentials/schemas";
import type { CoverageOutcome } from "./coverage";
import { headline, type MissingKind } from "./headline";
import { targetYear } from "./targets";
import type { RequirementResult, Verdict } from "./types";

// The verdict, read from the referential's eligibility rule (data), not from per-programme code:
// every rule asks that each visible blocking requirement be met (N/A only where allowed, already
// folded into the status); the rule kind adds its own ordering and explanations.

const SATISFIED = new Set(["met", "not_applicable"]);

function optionIsSet(option: TAssessmentOption, value: unknown): boolean {
  const chosen = (
    Array.isArray(value) ? value : value === undefined || value === null || value === "" ? [] : [value]
  ).filter((v) => option.choices.some((c) => c.value === v));
  return option.type === "single_choice" ? chosen.length === 1 : chosen.length >= Math.max(1, option.minSelected);
}

function ruleReasons(
  referential: TReferentialFile,
  options: Record<string, unknown>,
  missing: RequirementResult[],
  kindOf: (r: RequirementResult) => MissingKind,
): string[] {
  const rule = referential.eligibility;
  switch (rule.kind) {
    case "all_blocking_met": {
      const conditions = missing.filter((r) => rule.alsoRequire.includes(r.code)).map((r) => r.code);
      return conditions.length
        ? [
            `Condition${conditions.length > 1 ? "s" : ""} du programme exigée${conditions.length > 1 ? "s" : ""} en plus des indicateurs : ${conditions.join(", ")}.`,
          ]
        : [];
    }
    case "targets_of_year": {
      const year = targetYear(referential, options);
      return year ? [`Objectifs jugés sur les cibles ${year}.`] : []; // the missing option is reported above
    }
    case "prerequisites_then_objectives": {
      const prerequisites = missing.filter((r) => kindOf(r) === "prerequisite");
      if (prerequisites.length)
        return [
          `Prérequis d'abord : les objectifs ne sont examinés qu'une fois les prérequis remplis (${prerequisites.map((r) => r.code).join(", ")}).`,
        ];
      if (missing.length) return [`Prérequis remplis ; reste à atteindre : ${missing.map((r) => r.code).join(", ")}.`];
      return [];
    }
  }
}

export function judgeEligibility(
  referential: TReferentialFile,
  requirements: readonly RequirementResult[],
  options: Record<string, unknown>,
  coverage: CoverageOutcome | null,
): Verdict {
  const domainKind = new Map(referential.domains.map((d) => [d.code, d.kind]));
  const kindOf = (r: RequirementResult): MissingKind => domainKind.get(r.domain) ?? "other";
  const phase = (r: RequirementResult) => (kindOf(r) === "prerequisite" || kindOf(r) === "condition" ? 0 : 1);
  const blockingMissing = requirements
    .filter((r) => r.blocking && !SATISFIED.has(r.status))
    .map((r, index) => ({ r, index }))
    .sort((a, b) => phase(a.r) - phase(b.r) || a.index - b.index)
    .map(({ r }) => r);
  const pendingOptions = referential.options.filter((o) => !optionIsSet(o, options[o.key])).map((o) => o.label);

  const reasons: string[] = pendingOptions.map((label) => `Option « ${label} » à renseigner.`);
  const notMet = blockingMissing.filter((r) => r.status !== "unknown");
  const toInvestigate = blockingMissing.filter((r) => r.status === "unknown");
  if (notMet.length) reasons.push(`Non remplis : ${notMet.map((r) => r.code).join(", ")}.`);
  if (toInvestigate.length)
    reasons.push(
      `À instruire (sans réponse, « je ne sais pas » ou reprise à confirmer) : ${toInvestigate.map((r) => r.code).join(", ")}.`,
    );
  for (const c of coverage?.perCode ?? [])
    if (c.reason && requirements.some((r) => r.code === c.code)) reasons.push(c.reason);
  reasons.push(...ruleReasons(referential, options, blockingMissing, kindOf));

  const eligible = blockingMissing.length === 0 && pendingOptions.length === 0;
  return { eligible, headline: headline(blockingMissing.map(kindOf), pendingOptions), blockingMissing, reasons };
}
