import { CELL_TEXT } from "@/components/region/heatmap-cell";
import { PARTICIPATION_LABELS } from "@/components/region/member-row";
import type { CampaignComparison } from "../campaign-view";
import type { Cell, StatisticCell } from "../cells";
import type { RequirementStatus } from "@/lib/scoring/types";
import { SUPPRESSION_TEXT } from "../small-groups";
import { THRESHOLD_REASONS } from "../settings";

// The delegate's campaign view as tables for the exports (CSV, XLSX) and the brief. Every value is
// read from the view object the page draws (lib/region/campaign-view.ts): no second computation,
// so the small-group markers and the sharing rule are the page's by construction.
// Column keys are stable (documented in docs/region-exports.md); labels are the French headers.

export type Value = string | number | boolean | Date | null;
export type Column = { key: string; label: string; type: "text" | "number" | "percent" | "boolean"; width: number };
export type Table = { name: string; columns: Column[]; rows: Value[][] };

/** The text that replaces a hidden figure in every output, as on the page. */
export const marker = (c: { reason: "small" | "complementary"; k: number }) =>
  c.reason === "small" ? `masqué (${SUPPRESSION_TEXT.small(c.k)})` : SUPPRESSION_TEXT.complementary(c.k);

/** A column with the reading of its value from one row of the source. */
type Spec<T> = [key: string, label: string, type: Column["type"], width: number, value: (row: T) => Value];

/** One table from its column specs and its source rows: the only place a row becomes cells. */
function tableOf<T>(name: string, specs: readonly Spec<T>[], source: readonly T[]): Table {
  return {
    name,
    columns: specs.map(([key, label, type, width]) => ({ key, label, type, width })),
    rows: source.map((row) => specs.map(([, , , , value]) => value(row))),
  };
}

/** The two columns that open every per-member table: who the row is about. */
const memberColumns = <T extends { id: string; name: string }>(): Spec<T>[] => [
  ["etablissement_id", "Identifiant", "text", 28, (r) => r.id],
  ["etablissement", "Établissement", "text", 42, (r) => r.name],
];

type MemberRow = CampaignComparison["rows"][number];

export function membersTable(view: CampaignComparison): Table {
  const specs: Spec<MemberRow>[] = [
    ...memberColumns<MemberRow>(),
    ["departement", "Département", "text", 22, (r) => r.departement],
    ["ght", "GHT", "text", 34, (r) => r.ght],
    ["categorie", "Catégorie", "text", 26, (r) => r.category],
    ["taille", "Taille (activité)", "text", 22, (r) => r.sizeBand],
    ["participation", "Participation", "text", 16, (r) => PARTICIPATION_LABELS[r.participation]],
    ["eligible", "Éligible", "boolean", 10, (r) => r.eligible],
    ["detail_partage", "Détail partagé", "boolean", 14, (r) => r.detailShared],
    ["score_global", "Score global", "percent", 13, (r) => r.overall],
    ...view.domains.map((d): Spec<MemberRow> => [
      `score_${d.code}`,
      `Score ${d.code} — ${d.title}`,
      "percent",
      18,
      (r) => r.domains.find((x) => x.code === d.code)?.score ?? null,
    ]),
  ];
  return tableOf("Membres", specs, view.rows);
}

type AnswerRow = { id: string; name: string; code: string; status: RequirementStatus; withEvidence: boolean };

/** One row per answer the viewer may read: submitted revisions whose detail is shared, and only them. */
export function answersTable(view: CampaignComparison): Table {
  const requirement = new Map(view.requirements.map((r) => [r.code, r]));
  const answers: AnswerRow[] = view.heatmap.flatMap((h) =>
    // Not submitted, or detail not shared: nothing leaves the establishment. A status unknown to
    // the viewer, or declared only under the evidence filter, is no answer to list.
    h.missing
      ? []
      : h.cells.flatMap((c) =>
          c.status === null
            ? []
            : [{ id: h.id, name: h.name, code: c.code, status: c.status, withEvidence: c.withEvidence }],
        ),
  );
  const specs: Spec<AnswerRow>[] = [
    ...memberColumns<AnswerRow>(),
    ["domaine", "Domaine", "text", 10, (a) => requirement.get(a.code)?.domain ?? null],
    ["exigence_code", "Code exigence", "text", 14, (a) => a.code],
    ["exigence", "Exigence", "text", 60, (a) => requirement.get(a.code)?.label ?? null],
    ["statut", "Statut", "text", 22, (a) => CELL_TEXT[a.status].long],
    ["avec_piece", "Avec pièce", "boolean", 11, (a) => a.withEvidence],
  ];
  return tableOf("Réponses", specs, answers);
}

const countRow = (indicator: string, cell: Cell): Value[] =>
  cell.shown
    ? [indicator, cell.value, cell.n, cell.n === 0 ? null : cell.value / cell.n, null]
    : [indicator, null, cell.n, null, marker(cell)];

const statisticRow = (indicator: string, cell: StatisticCell): Value[] =>
  cell.shown
    ? [`${indicator} : médiane`, cell.median, cell.n, null, `Q1 ${cell.q1} – Q3 ${cell.q3}`]
    : [`${indicator} : médiane`, null, cell.n, null, marker(cell)];

/** The page's figures, each with its n or its marker. */
export function summaryTable(view: CampaignComparison): Table {
  const columns: Column[] = [
    { key: "indicateur", label: "Indicateur", type: "text", width: 56 },
    { key: "valeur", label: "Valeur", type: "number", width: 10 },
    { key: "n", label: "n", type: "number", width: 8 },
    { key: "part", label: "Part", type: "percent", width: 9 },
    { key: "note", label: "Note ou marqueur", type: "text", width: 70 },
  ];
  const rows: Value[][] = [
    countRow("Couverture : établissements ayant soumis", view.coverage.cell),
    ...view.coverage.byCategory.map((c) => countRow(`Couverture — ${c.label}`, c.cell)),
    countRow("Statut : non commencées", view.statusCells.not_started),
    countRow("Statut : en cours", view.statusCells.in_progress),
    countRow("Statut : soumises", view.statusCells.submitted),
    countRow("Verdict : éligibles", view.verdictCells.eligible),
    countRow("Verdict : non éligibles", view.verdictCells.notEligible),
    countRow("Détail partagé (révisions soumises)", view.detailCell),
    ...view.distribution.map((d) => statisticRow(d.title, d.cell)),
    ...(view.detailCell.shown
      ? view.gaps.map((g) => countRow(`Écart le plus fréquent — ${g.code} ${g.label}`, g.missed))
      : [countRow("Écarts les plus fréquents", view.detailCell)]),
  ];
  // Shares are fractions (typed as percentages in the XLSX); a hidden figure has none.
  return { name: "Synthèse", columns, rows };
}

/** What the extraction is: campaign, filters, thresholds and time. */
export function aboutRows(view: CampaignComparison, extractedAt: Date): [string, Value][] {
  const label = (dim: keyof typeof view.options, v: string) => view.options[dim].find((o) => o.value === v)?.label ?? v;
  const filters = (Object.entries(view.filter) as [keyof typeof view.options, string][]).map(
    ([d, v]) => `${FILTER_NAMES[d]} : ${label(d, v)}`,
  );
  if (view.evidenceOnly) filters.push("Réponses avec pièce uniquement");
  return [
    ["Campagne", `${view.campaign.name} (${view.campaign.year})`],
    ["Référentiel", view.campaign.referential],
    [view.place.kind === "region" ? "Région" : "GHT", view.place.name],
    ["Filtres", filters.length ? filters.join(" ; ") : "aucun (tous les membres)"],
    ["Seuil des effectifs et parts (k)", view.settings.countThreshold],
    ["Raison", THRESHOLD_REASONS.count(view.settings.countThreshold)],
    ["Seuil des médianes et quartiles (k)", view.settings.statisticThreshold],
    ["Raison", THRESHOLD_REASONS.statistic(view.settings.statisticThreshold)],
    ["Règle de partage", "Participation pour tous les membres ; détail des seules révisions soumises et partagées."],
    ["Données au", view.asOf],
    ["Extraction", extractedAt],
    ["Membres dans le filtre", view.rows.length],
  ];
}

export const FILTER_NAMES = { departement: "Département", ght: "GHT", category: "Catégorie", sizeBand: "Taille" };
