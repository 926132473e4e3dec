import type { TRequirement } from "@/lib/referentials/schemas";
import type { Expectation } from "./targets";
import type { ScoreAnswer } from "./types";

// French words for an answer and for what is expected, as the results page and the dossier print
// them. Pure and deterministic (no locale-dependent date parsing).

const percentFormat = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 });
const numberFormat = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2 });
const COMPARATOR = { ">=": "≥", ">": ">", "<=": "≤", "<": "<" } as const;
const YES_NO: Record<string, string> = { yes: "Oui", partial: "Partiellement", no: "Non" };
const MAX_TEXT = 160;

export const formatPercent = (value: number) => `${percentFormat.format(value)} %`;

function valueText(requirement: TRequirement, value: unknown): string {
  const spec = requirement.answer;
  if (value && typeof value === "object" && "percent" in value) {
    type Fraction = { percent: number; numerator: number; denominator: number };
    const v = value as Fraction & { broad?: Fraction };
    const text = (f: Fraction) => `${f.numerator} / ${f.denominator} applications (${formatPercent(f.percent)})`;
    return v.broad ? `lecture stricte ${text(v)} ; lecture large ${text(v.broad)}` : text(v);
  }
  if ((spec.type === "yes_no" || spec.type === "yes_partial_no") && typeof value === "string")
    return YES_NO[value] ?? value;
  if (spec.type === "choice") return spec.options.find((o) => o.value === value)?.label ?? String(value);
  if (spec.type === "percentage" && typeof value === "number") return formatPercent(value);
  if (spec.type === "number" && typeof value === "number")
    return `${numberFormat.format(value)}${spec.unit ? ` ${spec.unit}` : ""}`;
  if (spec.type === "date" && typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value))
    return value.split("-").reverse().join("/");
  if (typeof value === "string") return value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT - 1)}…` : value;
  return value === undefined || value === null ? "—" : String(value);
}

export function answerText(requirement: TRequirement, answer: ScoreAnswer | undefined): string {
  if (!answer) return "Sans réponse";
  if (answer.kind === "unknown") return "Je ne sais pas";
  const text =
    answer.kind === "not_applicable"
      ? requirement.naAllowed
        ? "Non applicable"
        : "Non applicable (non admis pour cette exigence)"
      : valueText(requirement, answer.value);
  return answer.needsConfirmation ? `${text} (reprise, à confirmer)` : text;
}

export function targetText(requirement: TRequirement, expectation: Expectation): string | null {
  if (expectation.yearLabel) return expectation.yearLabel;
  const spec = requirement.answer;
  if (expectation.threshold) {
    const { comparator, target } = expectation.threshold;
    const amount =
      spec.type === "percentage"
        ? formatPercent(target)
        : `${numberFormat.format(target)}${spec.type === "number" && spec.unit ? ` ${spec.unit}` : ""}`;
    return `${COMPARATOR[comparator]} ${amount}`;
  }
  if (spec.type === "choice" && expectation.metValues) {
    return spec.options
      .filter((o) => expectation.metValues!.includes(o.value))
      .map((o) => o.label)
      .join(" ou ");
  }
  return null;
}

/** For a requirement not due in the chosen year: the first later target, as a trajectory. */
export function trajectoryText(requirement: TRequirement, year: string | null): string | null {
  const later = Object.entries(requirement.targetsByYear ?? {})
    .filter(([y]) => year === null || y > year)
    .sort(([a], [b]) => a.localeCompare(b))[0];
  return later ? `Trajectoire, pas de cible en ${year} ; ${later[0]} : ${later[1].label}` : null;
}
