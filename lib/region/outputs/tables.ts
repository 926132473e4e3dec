import { CELL_TEXT } from "@/components/region/heatmap-cell";
import { PARTICIPATION_LABELS } from "@/components/region/member-row";
import type { CampaignComparison } from "../campaign-view";
import type { Cell, StatisticCell } from "../cells";
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

export function membersTable(view: CampaignComparison): Table {
  const columns: Column[] = [
    { key: "etablissement_id", label: "Identifiant", type: "text", width: 28 },
    { key: "etablissement", label: "Établissement", type: "text", width: 42 },
    { key: "departement", label: "Département", type: "text", width: 22 },
    { key: "ght", label: "GHT", type: "text", width: 34 },
    { key: "categorie", label: "Catégorie", type: "text", width: 26 },
    { key: "taille", label: "Taille (activité)", type: "text", width: 22 },
    { key: "participation", label: "Participation", type: "text", width: 16 },
    { key: "eligible", label: "Éligible", type: "boolean", width: 10 },
    { key: "detail_partage", label: "Détail partagé", type: "boolean", width: 14 },
    { key: "score_global", label: "Score global", type: "percent", width: 13 },
    ...view.domains.map((d): Column => ({
      key: `score_${d.code}`,
      label: `Score ${d.code} — ${d.title}`,
      type: "percent",
      width: 18,
    })),
  ];
  const rows = view.rows.map((r): Value[] => [
    r.id,
    r.name,
    r.departement,
    r.ght,
    r.category,
    r.sizeBand,
    PARTICIPATION_LABELS[r.participation],
    r.eligible,
    r.detailShared,
    r.overall,
    ...view.domains.map((d) => r.domains.find((x) => x.code === d.code)?.score ?? null),
  ]);
  return { name: "Membres", columns, rows };
}

/** One row per answer the viewer may read: submitted revisions whose detail is shared, and only them. */
export function answersTable(view: CampaignComparison): Table {
  const columns: Column[] = [
    { key: "etablissement_id", label: "Identifiant", type: "text", width: 28 },
    { key: "etablissement", label: "Établissement", type: "text", width: 42 },
    { key: "domaine", label: "Domaine", type: "text", width: 10 },
    { key: "exigence_code", label: "Code exigence", type: "text", width: 14 },
    { key: "exigence", label: "Exigence", type: "text", width: 60 },
    { key: "statut", label: "Statut", type: "text", width: 22 },
    { key: "avec_piece", label: "Avec pièce", type: "boolean", width: 11 },
  ];
  const requirement = new Map(view.requirements.map((r) => [r.code, r]));
  const rows: Value[][] = [];
  for (const h of view.heatmap) {
    if (h.missing) continue; // not submitted, or detail not shared: nothing leaves the establishment
    for (const c of h.cells) {
      if (c.status === null) continue; // unknown to the viewer, or declared only under the evidence filter
      const r = requirement.get(c.code);
      rows.push([h.id, h.name, r?.domain ?? null, c.code, r?.label ?? null, CELL_TEXT[c.status].long, c.withEvidence]);
    }
  }
  return { name: "Réponses", columns, rows };
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
