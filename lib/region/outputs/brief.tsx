import { createElement, type ReactNode } from "react";
import { FONT_FAMILY, registerDossierFonts } from "@/lib/dossier/pdf/fonts";
import { createStyles, Document, loadReactPdf, Page, Text, View } from "@/lib/dossier/pdf/primitives";
import type { CampaignComparison } from "../campaign-view";
import type { Cell, StatisticCell } from "../cells";
import { aboutRows, marker } from "./tables";

// The brief for a meeting of directors: coverage, verdicts, domain distributions, top gaps. Drawn
// from the page's view object, with the same markers for hidden figures; aggregates only, no
// establishment is named. Two pages: figures, then distributions and gaps.

const C = { ink: "#1d2433", muted: "#5b6475", line: "#d5dae3", accent: "#2f4a8a", box: "#eef1f7", bar: "#7b93c9" };
const s = createStyles({
  page: {
    fontFamily: FONT_FAMILY,
    fontSize: 10,
    color: C.ink,
    paddingTop: 42,
    paddingBottom: 48,
    paddingHorizontal: 42,
  },
  h1: { fontSize: 17, color: C.accent, marginBottom: 4 },
  h2: { fontSize: 12.5, color: C.accent, marginTop: 14, marginBottom: 6 },
  muted: { color: C.muted, fontSize: 9 },
  row: { flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: C.line, paddingVertical: 3.5 },
  head: { flexDirection: "row", borderBottomWidth: 1, borderBottomColor: C.ink, paddingVertical: 3, fontSize: 9 },
  tiles: { flexDirection: "row", gap: 8 },
  tile: { flexGrow: 1, flexBasis: 0, backgroundColor: C.box, padding: 8, borderRadius: 3 },
  big: { fontSize: 18, color: C.ink },
  footer: { position: "absolute", bottom: 20, left: 42, right: 42, fontSize: 8, color: C.muted },
});

const pct = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 });
const dateTime = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Paris" });
const share = (c: Cell) => (c.shown ? (c.n === 0 ? "—" : `${pct.format((100 * c.value) / c.n)} %`) : "");
const count = (c: Cell) => (c.shown ? `${c.value} / ${c.n}` : marker(c));

const el = (type: unknown, props: object | null, ...children: ReactNode[]) =>
  createElement(type as string, props, ...children);

function tile(label: string, cell: Cell) {
  return el(
    View,
    { style: s.tile },
    el(Text, { style: s.muted }, label),
    el(Text, { style: cell.shown ? s.big : { fontSize: 9, color: C.muted } }, count(cell)),
    el(Text, { style: s.muted }, cell.shown ? `${share(cell)} · n = ${cell.n}` : `n = ${cell.n}`),
  );
}

function table(widths: number[], header: string[], rows: string[][]) {
  const cell = (t: string, i: number) => el(Text, { key: i, style: { width: `${widths[i]}%`, paddingRight: 4 } }, t);
  return el(
    View,
    null,
    el(View, { style: s.head }, ...header.map(cell)),
    ...rows.map((r, i) => el(View, { key: i, style: s.row, wrap: false }, ...r.map(cell))),
  );
}

/**
 * A quartile box on a 0–100 scale, drawn with views (Q1–Q3 box, median tick, light marks at 25, 50
 * and 75); none when hidden. A box at 100 % keeps its minimum width inside the track.
 */
function quartileBar(c: StatisticCell) {
  if (!c.shown) return el(Text, { style: s.muted }, marker(c));
  const width = Math.max(1, c.q3 - c.q1);
  const left = Math.min(c.q1, 100 - width);
  const mark = (at: number) =>
    el(View, {
      key: at,
      style: { position: "absolute", left: `${at}%`, width: 0.5, top: 0, bottom: 0, backgroundColor: C.line },
    });
  return el(
    View,
    { style: { height: 10, backgroundColor: "#f4f5f8", position: "relative", marginTop: 2 } },
    ...[25, 50, 75].map(mark),
    el(View, {
      style: { position: "absolute", left: `${left}%`, width: `${width}%`, top: 1, bottom: 1, backgroundColor: C.bar },
    }),
    el(View, {
      style: {
        position: "absolute",
        left: `${Math.min(c.median, 99)}%`,
        width: 1.5,
        top: 0,
        bottom: 0,
        backgroundColor: C.ink,
      },
    }),
  );
}

function BriefDocument({ view, extractedAt }: { view: CampaignComparison; extractedAt: Date }) {
  const about = aboutRows(view, extractedAt).filter(([k]) => k === "Filtres" || k === "Règle de partage");
  const footer = el(Text, {
    style: s.footer,
    fixed: true,
    render: ({ pageNumber, totalPages }: { pageNumber: number; totalPages: number }) =>
      `${view.campaign.name} — ${view.place.name} · extrait le ${dateTime.format(extractedAt)} · page ${pageNumber} / ${totalPages}`,
  });
  const k = view.settings;
  return el(
    Document,
    { title: `Synthèse ${view.campaign.name} — ${view.place.name}`, author: "Socle", language: "fr" },
    el(
      Page,
      { size: "A4", style: s.page },
      el(Text, { style: s.h1 }, `${view.campaign.name} — ${view.place.name}`),
      el(
        Text,
        { style: s.muted },
        `Référentiel ${view.campaign.referential} · données au ${dateTime.format(view.asOf)}`,
      ),
      ...about.map(([key, v]) => el(Text, { style: s.muted }, `${key} : ${String(v)}`)),
      el(
        Text,
        { style: { ...s.muted, marginTop: 4 } },
        `Petits groupes : effectifs et parts à partir de ${k.countThreshold} établissements, médianes et quartiles à partir de ${k.statisticThreshold}. Aucun minimum ni maximum n'est donné : chacun serait la valeur d'un établissement.`,
      ),
      el(Text, { style: s.h2 }, "Couverture"),
      el(
        View,
        { style: s.tiles },
        tile("Établissements ayant soumis", view.coverage.cell),
        tile("Détail partagé", view.detailCell),
        tile("Éligibles (parmi les soumises)", view.verdictCells.eligible),
      ),
      view.coverage.warning
        ? el(
            Text,
            { style: { marginTop: 6, color: "#8a4b00" } },
            "Attention : couverture faible, les chiffres représentent mal l'ensemble des membres.",
          )
        : null,
      el(Text, { style: s.h2 }, "Couverture par catégorie"),
      table(
        [55, 30, 15],
        ["Catégorie", "Soumises / membres", "Part"],
        view.coverage.byCategory.map((c) => [c.label, count(c.cell), share(c.cell)]),
      ),
      el(Text, { style: s.h2 }, "Statuts et verdicts"),
      table(
        [55, 30, 15],
        ["", "Effectif / n", "Part"],
        [
          ["Non commencées", count(view.statusCells.not_started), share(view.statusCells.not_started)],
          ["En cours", count(view.statusCells.in_progress), share(view.statusCells.in_progress)],
          ["Soumises", count(view.statusCells.submitted), share(view.statusCells.submitted)],
          ["Éligibles", count(view.verdictCells.eligible), share(view.verdictCells.eligible)],
          ["Non éligibles", count(view.verdictCells.notEligible), share(view.verdictCells.notEligible)],
        ],
      ),
      footer,
    ),
    el(
      Page,
      { size: "A4", style: s.page },
      el(Text, { style: s.h2 }, "Distribution des scores par domaine (détail partagé)"),
      el(
        Text,
        { style: s.muted },
        "Boîte : 1er au 3e quartile ; trait : médiane ; échelle 0 à 100 %, repères à 25, 50 et 75 %.",
      ),
      ...view.distribution.map((d) =>
        el(
          View,
          { style: { ...s.row, flexDirection: "column" }, wrap: false },
          el(
            Text,
            null,
            `${d.title} — `,
            d.cell.shown
              ? `médiane ${pct.format(d.cell.median)} % (Q1 ${pct.format(d.cell.q1)} % – Q3 ${pct.format(d.cell.q3)} %, n = ${d.cell.n})`
              : `n = ${d.cell.n}`,
          ),
          quartileBar(d.cell),
        ),
      ),
      el(Text, { style: s.h2 }, "Écarts les plus fréquents"),
      view.detailCell.shown
        ? view.gaps.length
          ? table(
              [12, 58, 18, 12],
              ["Code", "Exigence", "Manquée / n", "Part"],
              view.gaps.map((g) => [g.code, g.label, count(g.missed), share(g.missed)]),
            )
          : el(Text, { style: s.muted }, "Aucune exigence manquée parmi le détail partagé.")
        : el(Text, null, `Écarts : ${marker(view.detailCell)}`),
      footer,
    ),
  );
}

export async function renderBrief(view: CampaignComparison, extractedAt: Date): Promise<Buffer> {
  const { Font, renderToBuffer } = await loadReactPdf();
  registerDossierFonts(Font);
  return renderToBuffer(createElement(BriefDocument, { view, extractedAt }) as never);
}
