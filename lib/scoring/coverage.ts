import type { TCoverageRule, TDateWindow, TReferentialFile } from "@/lib/referentials/schemas";
import { formatPercent } from "./answer-text";
import { evaluateRequirements } from "./requirements";
import type { CoverageMember, RequirementResult, ScoreAnswer } from "./types";

// CaRE's coverage rule: for a GHT with several legal entities (or an applicant outside a GHT with
// several geographical sites), each objective the rule names counts only if the members that reached
// THAT objective total at least `minShare` of the combined activity. Each objective is judged on its
// own: a member counts for O1.C when it meets O1.C, whatever its O1.D.
//
// A member without recorded activity is missing data, not zero: the share is computed over the
// known activity and the outcome is decided only when no value of the unknown activities could
// change it (e.g. every unknown member is covered and the known share already reaches the minimum);
// otherwise the objective is "à instruire" and the reason names the members whose activity is missing.

export type CodeCoverage = {
  code: string;
  /** Covered share of the KNOWN activity; null when no member has a recorded activity. */
  share: number | null;
  /** true / false when decided whatever the unknown activities are; null when they could change it. */
  sufficient: boolean | null;
  coveredMembers: string[];
  /** Why the objective is not reached or undecided; null when the coverage is sufficient. */
  reason: string | null;
};

export type CoverageOutcome = {
  rule: TCoverageRule;
  members: CoverageMember[];
  perCode: CodeCoverage[];
  /** Members whose activity is not recorded (their share of the activity is unknown). */
  unknownActivity: string[];
};

export function coverageRule(referential: TReferentialFile): TCoverageRule | null {
  const rule = referential.eligibility;
  return rule.kind === "prerequisites_then_objectives" ? (rule.coverage ?? null) : null;
}

export function dateWindows(referential: TReferentialFile): TDateWindow[] {
  const rule = referential.eligibility;
  return rule.kind === "prerequisites_then_objectives" ? (rule.windows ?? []) : [];
}

const known = (m: CoverageMember) => m.activity !== null && m.activity >= 0;
const activityOf = (m: CoverageMember) => (known(m) ? m.activity! : 0);
// A tiny tolerance so that 0.66 written in the data is reached by exactly 66 of 100.
const EPSILON = 1e-9;

/** Covered activity / known activity for one objective, or null when no member has a recorded activity. */
export function coveredShare(members: readonly CoverageMember[], code: string): number | null {
  const total = members.filter(known).reduce((sum, m) => sum + activityOf(m), 0);
  if (total <= 0) return null;
  const covered = members.filter((m) => known(m) && m.reaches.includes(code));
  return covered.reduce((sum, m) => sum + activityOf(m), 0) / total;
}

/**
 * Bounds of the true share over every value the unknown activities could take: covered unknown
 * members can only raise it (towards 100 %), uncovered unknown members only lower it (towards 0 %).
 */
function judgeCode(minShare: number, members: readonly CoverageMember[], code: string): CodeCoverage {
  const share = coveredShare(members, code);
  const unknown = members.filter((m) => !known(m));
  const coveredUnknown = unknown.some((m) => m.reaches.includes(code));
  const uncoveredUnknown = unknown.some((m) => !m.reaches.includes(code));
  const lower = uncoveredUnknown ? 0 : (share ?? (coveredUnknown ? 1 : 0));
  const upper = coveredUnknown ? 1 : (share ?? 0);
  const sufficient = lower + EPSILON >= minShare ? true : upper + EPSILON < minShare ? false : null;
  return {
    code,
    share,
    sufficient,
    coveredMembers: members.filter((m) => m.reaches.includes(code)).map((m) => m.name),
    reason: null,
  };
}

export function evaluateCoverage(rule: TCoverageRule, members: readonly CoverageMember[]): CoverageOutcome {
  const min = formatPercent(rule.minShare * 100);
  const unknownActivity = members.filter((m) => !known(m)).map((m) => m.name);
  const perCode = rule.appliesTo.map((code) => {
    const c = judgeCode(rule.minShare, members, code);
    const shareText = c.share === null ? "non calculable" : formatPercent(c.share * 100);
    const who = c.coveredMembers.length ? `atteint par : ${c.coveredMembers.join(", ")}` : "atteint par aucun membre";
    if (c.sufficient === false)
      c.reason = `${c.code} : couverture ${shareText} < ${min} de l'activité combinée (${who}) : objectif non atteint.`;
    else if (c.sufficient === null)
      c.reason = `${c.code} : couverture ${shareText} de l'activité connue (${who}), ${min} requis : à instruire, activité non renseignée pour ${unknownActivity.join(", ")}.`;
    return c;
  });
  return { rule, members: [...members], perCode, unknownActivity };
}

function withNote(r: RequirementResult, status: RequirementResult["status"], note: string): RequirementResult {
  return { ...r, status, answerText: `${r.answerText} — ${note}` };
}

/**
 * An objective the rule names is not met when its covered share is below the minimum, whatever was
 * answered (N/A is no way around the rule either), and "à instruire" while missing activities could
 * change the outcome; an answer already unknown or not met stays as it is.
 */
export function applyCoverage(requirements: RequirementResult[], outcome: CoverageOutcome): RequirementResult[] {
  const min = formatPercent(outcome.rule.minShare * 100);
  return requirements.map((r) => {
    const c = outcome.perCode.find((p) => p.code === r.code);
    if (!c || c.sufficient === true || r.status === "unknown" || r.status === "not_met") return r;
    const shareText = c.share === null ? "non calculable" : formatPercent(c.share * 100);
    return c.sufficient === false
      ? withNote(r, "not_met", `couverture ${shareText} < ${min}`)
      : withNote(r, "unknown", `couverture ${shareText} de l'activité connue, activité manquante`);
  });
}

const frenchDate = (iso: string) => iso.split("-").reverse().join("/");

/**
 * The operational-phase windows: a "yes" counts only with a test date inside the window. Without a
 * date the requirement is "à instruire"; with a date outside it, not met.
 */
export function applyWindows(
  requirements: RequirementResult[],
  windows: readonly TDateWindow[],
  answers: ReadonlyMap<string, ScoreAnswer>,
): RequirementResult[] {
  if (!windows.length) return requirements;
  return requirements.map((r) => {
    const window = windows.find((w) => w.appliesTo.includes(r.code));
    if (!window || (r.status !== "met" && r.status !== "partial" && r.status !== "not_applicable")) return r;
    const answer = answers.get(window.dateOf);
    const date = answer?.kind === "value" && typeof answer.value === "string" ? answer.value : null;
    const period = `${window.label} : depuis le ${frenchDate(window.from)}${window.to ? ` jusqu'au ${frenchDate(window.to)}` : ""}`;
    if (!date) return withNote(r, "unknown", `date à renseigner (${window.dateOf}, ${period})`);
    if (date < window.from || (window.to && date > window.to))
      return withNote(r, "not_met", `daté du ${frenchDate(date)}, hors période (${period})`);
    return r;
  });
}

/**
 * The codes of the coverage rule that one member's own assessment reaches (each "met" on its own,
 * date windows applied, before any coverage). The server uses it to mark what each member counts for.
 */
export function reachedCoveredRequirements(
  referential: TReferentialFile,
  answers: ReadonlyMap<string, ScoreAnswer>,
  options: Record<string, unknown>,
): string[] {
  const rule = coverageRule(referential);
  if (!rule) return [];
  const evaluated = applyWindows(
    evaluateRequirements(referential, answers, options),
    dateWindows(referential),
    answers,
  );
  const statuses = new Map(evaluated.map((r) => [r.code, r.status]));
  return rule.appliesTo.filter((code) => statuses.get(code) === "met");
}
