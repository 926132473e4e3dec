import type { TAnswerSpec } from "@/lib/referentials/schemas";

export const ENUM_LABELS: Record<string, string> = { yes: "Oui", partial: "Partiellement", no: "Non" };
export const COMPARATOR_LABELS: Record<string, string> = { ">=": "≥", ">": ">", "<=": "≤", "<": "<" };

const percent = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 });

/** The DOM id prefix of a question card (codes may hold dots). */
export function questionId(code: string): string {
  return `q-${code.replace(/[^A-Za-z0-9_-]/g, "-")}`;
}

/** The enumerated choices of an answer type, or null when the answer is typed in. */
export function choicesOf(spec: TAnswerSpec): { value: string; label: string }[] | null {
  if (spec.type === "yes_no") return ["yes", "no"].map((v) => ({ value: v, label: ENUM_LABELS[v]! }));
  if (spec.type === "yes_partial_no")
    return ["yes", "partial", "no"].map((v) => ({ value: v, label: ENUM_LABELS[v]! }));
  if (spec.type === "choice") return spec.options;
  return null;
}

/** "Cible : ≥ 90 %" for targets carried by the answer type. */
export function targetText(spec: TAnswerSpec): string | null {
  if (spec.type === "percentage")
    return `Cible : ${COMPARATOR_LABELS[spec.comparator]} ${percent.format(spec.target)} %`;
  if (spec.type === "number" && spec.target !== undefined && spec.comparator) {
    return `Cible : ${COMPARATOR_LABELS[spec.comparator]} ${spec.target}${spec.unit ? ` ${spec.unit}` : ""}`;
  }
  return null;
}

/** A stored value in words (used by the conflict panel and summaries). */
export function describeValue(spec: TAnswerSpec, kind: string, value: unknown): string {
  if (kind === "unknown") return "Je ne sais pas";
  if (kind === "not_applicable") return "Non applicable";
  if (value && typeof value === "object" && "percent" in value) {
    const v = value as { percent: number; numerator: number; denominator: number };
    return `${v.numerator} / ${v.denominator} applications (${percent.format(v.percent)} %)`;
  }
  const choice = choicesOf(spec)?.find((c) => c.value === value);
  if (choice) return choice.label;
  if (spec.type === "percentage" && typeof value === "number") return `${percent.format(value)} %`;
  if (spec.type === "date" && typeof value === "string") return new Date(value).toLocaleDateString("fr-FR");
  return value === undefined || value === null ? "—" : String(value);
}
