import type { TAssessmentOption, TReferentialFile } from "@/lib/referentials/schemas";
import type { CoverageOutcome } from "./coverage";
import { headline, positiveHeadline, reservedHeadline, type MissingKind } from "./headline";
import { STATUS_LABELS } from "./labels";
import { targetYear } from "./targets";
import type {
  DomainVerdict,
  PrerequisiteGate,
  ProvisionalItem,
  RequirementResult,
  Verdict,
  VerdictStatus,
} from "./types";

// The verdict, read from the referential's eligibility rule (data), not from per-programme code:
// every rule asks that each visible blocking requirement be met (N/A only where allowed, already
// folded into the status); the rule kind adds its own ordering and explanations.
//
// What Socle proposes never decides alone: a requirement whose target or blocking flag is
// provisional, and whose outcome would flip the verdict, makes it "sous réserve" (reserved) and is
// named, instead of making it eligible or not. Firm gaps still decide: with one firm prerequisite
// missing, the verdict is "not yet" whatever the provisional items say.

const SATISFIED = new Set(["met", "not_applicable"]);

function optionIsSet(option: TAssessmentOption, value: unknown): boolean {
  const chosen = (
    Array.isArray(value) ? value : value === undefined || value === null || value === "" ? [] : [value]
  ).filter((v) => option.choices.some((c) => c.value === v));
  return option.type === "single_choice" ? chosen.length === 1 : chosen.length >= Math.max(1, option.minSelected);
}

/**
 * Sorts requirements into the firm gaps and the provisional items the verdict turns on:
 * - a firm blocking requirement not met, or unanswered, is a firm gap (an unanswered requirement
 *   is missing whatever its target);
 * - a blocking requirement judged against a provisional target (met or not) turns on that target;
 * - a requirement whose blocking flag is provisional turns on it when it is not met (met, it blocks
 *   nothing), and on its target too when that is provisional.
 */
export function classify(requirements: readonly RequirementResult[]): {
  firm: RequirementResult[];
  provisional: ProvisionalItem[];
} {
  const firm: RequirementResult[] = [];
  const provisional: ProvisionalItem[] = [];
  for (const r of requirements) {
    const satisfied = SATISFIED.has(r.status);
    const answered = r.status !== "unknown";
    const targetIsProvisional =
      Boolean(r.provisional?.target) && answered && r.status !== "not_applicable" && !r.targetIndependent;
    const provisionalBlockingFlag = Boolean(r.provisional?.blocking);
    const what: ProvisionalItem["what"] = [];
    if (provisionalBlockingFlag) {
      if (!satisfied) what.push("blocking");
      if (targetIsProvisional) what.push("target");
    } else if (r.blocking) {
      if (!answered) firm.push(r);
      else if (targetIsProvisional) what.push("target");
      else if (!satisfied) firm.push(r);
    }
    if (what.length) {
      const reason = [
        what.includes("target") ? r.provisional?.target : null,
        what.includes("blocking") ? r.provisional?.blocking : null,
      ]
        .filter(Boolean)
        .join(" ");
      provisional.push({ code: r.code, label: r.label, status: r.status, what, target: r.target, reason });
    }
  }
  return { firm, provisional };
}

/** "P1.3 : Rempli au regard d'une cible provisoire (≥ 90 %). Cible proposée par Socle…". */
export function provisionalReason(item: ProvisionalItem): string {
  const parts: string[] = [];
  if (item.what.includes("target"))
    parts.push(`au regard d'une cible provisoire${item.target ? ` (${item.target})` : ""}`);
  if (item.what.includes("blocking")) parts.push("caractère bloquant provisoire");
  return `${item.code} : ${STATUS_LABELS[item.status]} ${parts.join(", ")}. ${item.reason}`.trim();
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
    case "per_usage_domain":
      return [];
  }
}

function missingReasons(blockingMissing: RequirementResult[]): string[] {
  const reasons: string[] = [];
  const notMet = blockingMissing.filter((r) => r.status !== "unknown");
  const toInvestigate = blockingMissing.filter((r) => r.status === "unknown");
  if (notMet.length) reasons.push(`Non remplis : ${notMet.map((r) => r.code).join(", ")}.`);
  if (toInvestigate.length)
    reasons.push(
      `À instruire (sans réponse, « je ne sais pas » ou reprise à confirmer) : ${toInvestigate.map((r) => r.code).join(", ")}.`,
    );
  return reasons;
}

/** Words for the gate that every usage domain waits on. */
function gateReason(gate: PrerequisiteGate | undefined, referentialId: string): string | null {
  if (!gate || !gate.found)
    return `Prérequis du socle non évalués : aucune évaluation « ${referentialId} » de l'établissement pour la même année n'est consultable. Aucun domaine d'usage ne peut être éligible avant.`;
  const from = gate.source ? ` (${gate.source})` : "";
  if (gate.status === "not_eligible")
    return `Prérequis du socle manquants${from} : ${gate.missing.join(", ") || "à instruire"}. Aucun domaine d'usage n'est éligible tant qu'ils ne sont pas remplis.`;
  if (gate.status === "reserved")
    return `Prérequis du socle sous réserve${from} : ${gate.provisional.join(", ")} ${gate.provisional.length > 1 ? "reposent" : "repose"} sur des éléments provisoires.`;
  return null;
}

function judgeUsageDomains(
  referential: TReferentialFile,
  requirements: readonly RequirementResult[],
  chosen: readonly string[],
  gate: PrerequisiteGate | undefined,
): DomainVerdict[] {
  const rule = referential.eligibility;
  const gated = rule.kind === "per_usage_domain" && rule.prerequisites !== undefined;
  const gateStatus: VerdictStatus = !gated ? "eligible" : (gate?.found && gate.status) || "not_eligible";
  const gateText = gated && rule.kind === "per_usage_domain" ? gateReason(gate, rule.prerequisites!) : null;
  return referential.domains
    .filter((d) => d.kind === "usage" && chosen.includes(d.code))
    .map((domain) => {
      const own = requirements.filter((r) => r.domain === domain.code);
      const { firm, provisional } = classify(own);
      let status: VerdictStatus =
        firm.length || gateStatus === "not_eligible"
          ? "not_eligible"
          : provisional.length || gateStatus === "reserved"
            ? "reserved"
            : "eligible";
      if (own.length === 0) status = "not_eligible";
      // Provisional items are named only when they are what the verdict turns on.
      const deciding = status === "reserved" ? provisional : [];
      const reasons = [...missingReasons(firm), ...deciding.map(provisionalReason)];
      if (gateText) reasons.unshift(gateText);
      if (own.length === 0) reasons.push("Aucun indicateur de ce domaine dans cette version du référentiel.");
      const head =
        status === "eligible"
          ? "Éligible"
          : status === "reserved" && provisional.length === 0
            ? "Sous réserve des prérequis du socle"
            : status === "reserved"
              ? reservedHeadline(
                  provisional.map((p) => p.code),
                  provisional.every((p) => SATISFIED.has(p.status)),
                  "Éligible",
                )
              : firm.length
                ? headline(
                    firm.map(() => "usage"),
                    [],
                  )
                : "Pas encore éligible : prérequis du socle";
      return {
        code: domain.code,
        title: domain.title,
        status,
        headline: head,
        blockingMissing: firm,
        provisional: deciding,
        reasons,
      };
    });
}

export function judgeEligibility(
  referential: TReferentialFile,
  requirements: readonly RequirementResult[],
  options: Record<string, unknown>,
  coverage: CoverageOutcome | null,
  prerequisites?: PrerequisiteGate,
): Verdict {
  const domainKind = new Map(referential.domains.map((d) => [d.code, d.kind]));
  const kindOf = (r: RequirementResult): MissingKind => domainKind.get(r.domain) ?? "other";
  const phase = (r: RequirementResult) => (kindOf(r) === "prerequisite" || kindOf(r) === "condition" ? 0 : 1);
  const { firm, provisional } = classify(requirements);
  const blockingMissing = firm
    .map((r, index) => ({ r, index }))
    .sort((a, b) => phase(a.r) - phase(b.r) || a.index - b.index)
    .map(({ r }) => r);
  const pendingOptions = referential.options.filter((o) => !optionIsSet(o, options[o.key])).map((o) => o.label);

  const reasons: string[] = pendingOptions.map((label) => `Option « ${label} » à renseigner.`);
  reasons.push(...missingReasons(blockingMissing));
  for (const c of coverage?.perCode ?? [])
    if (c.reason && requirements.some((r) => r.code === c.code)) reasons.push(c.reason);
  reasons.push(...ruleReasons(referential, options, blockingMissing, kindOf));

  const rule = referential.eligibility;
  if (rule.kind === "per_usage_domain") {
    const value = options[rule.option];
    const chosen = Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
    const domains = judgeUsageDomains(referential, requirements, chosen, prerequisites);
    // The overall status is the worst domain's: each domain is paid on its own, the headline names each.
    const status: VerdictStatus =
      pendingOptions.length || domains.length === 0 || domains.some((d) => d.status === "not_eligible")
        ? "not_eligible"
        : domains.some((d) => d.status === "reserved")
          ? "reserved"
          : "eligible";
    const words: Record<VerdictStatus, string> = {
      eligible: "éligible",
      reserved: "sous réserve",
      not_eligible: "pas encore éligible",
    };
    const head = pendingOptions.length
      ? headline([], pendingOptions)
      : `Par domaine : ${domains.map((d) => `${d.code} ${words[d.status]}`).join(" · ")}`;
    return {
      status,
      eligible: status === "eligible",
      headline: head,
      blockingMissing: domains.flatMap((d) => d.blockingMissing),
      provisional: domains.flatMap((d) => d.provisional),
      reasons: [...pendingOptions.map((label) => `Option « ${label} » à renseigner.`)],
      domains,
    };
  }

  const status: VerdictStatus =
    blockingMissing.length || pendingOptions.length ? "not_eligible" : provisional.length ? "reserved" : "eligible";
  const positive = positiveHeadline(referential);
  const head =
    status === "eligible"
      ? positive
      : status === "reserved"
        ? reservedHeadline(
            provisional.map((p) => p.code),
            provisional.every((p) => SATISFIED.has(p.status)),
            positive,
          )
        : headline(blockingMissing.map(kindOf), pendingOptions);
  return {
    status,
    eligible: status === "eligible",
    headline: head,
    blockingMissing,
    // Named only when the verdict turns on them: with a firm gap, they would not change it.
    provisional: status === "reserved" ? provisional : [],
    reasons,
    domains: [],
  };
}
