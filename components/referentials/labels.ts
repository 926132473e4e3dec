import type {
  TAnswerSpec,
  TConfidenceMarks,
  TDomainKind,
  TEligibilityRule,
  TMark,
  TProgramme,
  TProvisional,
} from "@/lib/referentials/schemas";

// French labels for referential content, shared by the admin's version page and diff view.

export const PROGRAMME_LABELS: Record<TProgramme, string> = {
  HOPEN: "HOP'EN",
  HOSPICONNECT: "HospiConnect",
  CARE: "CaRE",
};

export function programmeLabel(programme: string): string {
  return PROGRAMME_LABELS[programme as TProgramme] ?? programme;
}

export const CONFIDENCE: Record<TMark, { label: string; text: string; badge: string }> = {
  H: { label: "H", text: "Énoncé par une source", badge: "badge-green" },
  M: { label: "M", text: "Plusieurs sources concordent, formulation exacte non vue", badge: "badge-orange" },
  L: { label: "L", text: "Reconstitué ou déduit : à confirmer par un délégué régional", badge: "badge-red" },
};

/** The three things a requirement's confidence is about, in the order they are shown. */
export const MARK_SUBJECTS: { key: keyof TConfidenceMarks; label: string }[] = [
  { key: "wording", label: "Libellé" },
  { key: "code", label: "Code" },
  { key: "target", label: "Cible" },
];

export const PROVISIONAL_LABELS: Record<keyof TProvisional, string> = {
  target: "Cible provisoire",
  proofs: "Pièces proposées par Socle",
  blocking: "Caractère bloquant provisoire",
};

export const DOMAIN_KIND_LABELS: Record<TDomainKind, string> = {
  prerequisite: "Prérequis",
  objective: "Objectif",
  usage: "Usage",
  condition: "Condition d'éligibilité",
};

export const ELIGIBILITY_LABELS: Record<TEligibilityRule["kind"], string> = {
  all_blocking_met: "Toutes les exigences bloquantes affichées doivent être remplies",
  targets_of_year: "Chaque exigence est jugée sur la cible de l'année choisie",
  prerequisites_then_objectives: "Les prérequis d'abord, puis les objectifs",
  per_usage_domain: "Un verdict par domaine d'usage choisi, après les prérequis du socle",
};

const COMPARATORS: Record<string, string> = { ">=": "≥", ">": ">", "<=": "≤", "<": "<" };

/** "Pourcentage, cible ≥ 90 % (calculé depuis l'inventaire)". */
export function answerSummary(answer: TAnswerSpec): string {
  switch (answer.type) {
    case "yes_no":
      return "Oui / non";
    case "yes_partial_no":
      return "Oui / partiellement / non";
    case "percentage":
      return `Pourcentage, cible ${COMPARATORS[answer.comparator]} ${answer.target} %${answer.computedFrom ? " (calculé depuis l'inventaire des applications)" : ""}`;
    case "number":
      return answer.target === undefined
        ? `Nombre${answer.unit ? ` (${answer.unit})` : ""}`
        : `Nombre, cible ${COMPARATORS[answer.comparator ?? ">="]} ${answer.target}${answer.unit ? ` ${answer.unit}` : ""}`;
    case "date":
      return "Date";
    case "text":
      return "Texte libre";
    case "choice": {
      const met = new Set(answer.metValues ?? []);
      const options = answer.options.map((o) => (met.has(o.value) ? `${o.label} ✓` : o.label)).join(" / ");
      return `Choix : ${options}`;
    }
  }
}

/** Names of requirement, domain and top-level fields, as the diff shows them. */
export const FIELD_LABELS: Record<string, string> = {
  code: "Code",
  domain: "Domaine",
  label: "Libellé",
  help: "Aide",
  answer: "Réponse attendue",
  targetsByYear: "Cibles par année",
  blocking: "Bloquante",
  naAllowed: "« Non applicable » admis",
  proofs: "Pièces justificatives",
  weight: "Poids",
  effort: "Effort",
  recommendedAction: "Action recommandée",
  confidence: "Confiance",
  confidenceNote: "Note de confiance",
  provisional: "Éléments provisoires",
  showIf: "Condition d'affichage",
  mappings: "Correspondances",
  title: "Titre",
  description: "Description",
  kind: "Nature",
  id: "Identifiant",
  programme: "Programme",
  publisher: "Éditeur",
  sources: "Sources",
  options: "Options de l'évaluation",
  eligibility: "Règle d'éligibilité",
};

export const fieldLabel = (field: string) => FIELD_LABELS[field] ?? field;

const dayFormat = new Intl.DateTimeFormat("fr-FR", {
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  timeZone: "UTC",
});
const dateTimeFormat = new Intl.DateTimeFormat("fr-FR", {
  dateStyle: "short",
  timeStyle: "short",
  timeZone: "Europe/Paris",
});

/** A date without time (stored at midnight UTC, or "AAAA-MM-JJ"): "05/01/2026". */
export function formatDay(value: Date | string | null | undefined): string {
  if (!value) return "—";
  const date = typeof value === "string" ? new Date(`${value.slice(0, 10)}T00:00:00.000Z`) : value;
  return Number.isNaN(date.getTime()) ? String(value) : dayFormat.format(date);
}

/** A moment, in Paris time: "25/11/2026 14:33". */
export function formatDateTime(value: Date): string {
  return dateTimeFormat.format(value);
}
