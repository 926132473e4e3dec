import type { TDomainKind, TReferentialFile } from "@/lib/referentials/schemas";

// The verdict's one-line headline in French: "Éligible", or "Pas encore éligible : 2 prérequis
// manquent" naming the count with the right noun and agreement.

const NOUNS: Record<TDomainKind | "other", [singular: string, plural: string]> = {
  condition: ["condition", "conditions"],
  prerequisite: ["prérequis", "prérequis"],
  objective: ["objectif", "objectifs"],
  usage: ["indicateur", "indicateurs"],
  other: ["exigence", "exigences"],
};
const ORDER = ["condition", "prerequisite", "objective", "usage", "other"] as const;

export type MissingKind = (typeof ORDER)[number];

/** "a", "a et b", "a, b et c". */
export function joinFrench(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join("");
  return `${parts.slice(0, -1).join(", ")} et ${parts[parts.length - 1]}`;
}

/** "1 prérequis", "3 objectifs". */
export function countNoun(count: number, kind: MissingKind): string {
  const [singular, plural] = NOUNS[kind];
  return `${count} ${count > 1 ? plural : singular}`;
}

/** "2 prérequis et 1 objectif manquent", "1 condition manque"; empty string when nothing is missing. */
export function missingPhrase(kinds: readonly MissingKind[]): string {
  if (kinds.length === 0) return "";
  const parts = ORDER.flatMap((kind) => {
    const n = kinds.filter((k) => k === kind).length;
    return n ? [countNoun(n, kind)] : [];
  });
  return `${joinFrench(parts)} ${kinds.length > 1 ? "manquent" : "manque"}`;
}

/**
 * What "all met" means for this referential: a file made only of prerequisites and conditions (the
 * HOP'EN socle) says the prerequisites are met, not that money is due ("Éligible" would claim more).
 */
export function positiveHeadline(referential: TReferentialFile): string {
  const onlyPrerequisites = referential.domains.every((d) => d.kind === "prerequisite" || d.kind === "condition");
  return onlyPrerequisites ? "Prérequis atteints" : "Éligible";
}

/**
 * The verdict turns on provisional items: "Prérequis atteints sous réserve des éléments provisoires
 * de P1.3 et P3.2" when they are all met, otherwise "Sous réserve : le verdict dépend de …".
 */
export function reservedHeadline(codes: readonly string[], allMet: boolean, positive: string): string {
  const names = joinFrench(codes);
  if (allMet) return `${positive} sous réserve des éléments provisoires de ${names}`;
  return `Sous réserve : le verdict dépend d'éléments provisoires (${names})`;
}

export function headline(missing: readonly MissingKind[], pendingOptions: readonly string[]): string {
  if (missing.length === 0 && pendingOptions.length === 0) return "Éligible";
  if (missing.length > 0) return `Pas encore éligible : ${missingPhrase(missing)}`;
  return `Pas encore éligible : ${joinFrench(pendingOptions.map((label) => `« ${label} »`))} à renseigner`;
}
