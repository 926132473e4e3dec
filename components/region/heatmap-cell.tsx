import type { HeatCell } from "@/lib/region/member-views";

// A heatmap cell readable without colour: a symbol and a short word in the cell, the full
// sentence for screen readers; colour only repeats it. "*": answered with a proof attached.

export const CELL_TEXT = {
  met: { symbol: "✓", short: "Oui", long: "Atteinte", tone: "met" },
  partial: { symbol: "◐", short: "Part.", long: "Partiellement atteinte", tone: "partial" },
  not_met: { symbol: "✗", short: "Non", long: "Non atteinte", tone: "not-met" },
  unknown: { symbol: "?", short: "NSP", long: "Inconnue (à instruire)", tone: "unknown" },
  not_applicable: { symbol: "–", short: "N/A", long: "Non applicable", tone: "na" },
  not_shared: { symbol: "·", short: "NP", long: "Non partagé", tone: "hidden" },
  not_submitted: { symbol: "…", short: "NS", long: "Non soumis", tone: "hidden" },
  declared_only: { symbol: "○", short: "Décl.", long: "Déclaré sans pièce (hors filtre)", tone: "hidden" },
} as const;

export type CellKind = keyof typeof CELL_TEXT;

export function cellKind(cell: HeatCell, missing: "not_submitted" | "not_shared" | null): CellKind {
  if (missing) return missing;
  if (cell.declaredOnly) return "declared_only";
  return cell.status ?? "unknown";
}

export function HeatmapCellContent({ kind, withEvidence }: Readonly<{ kind: CellKind; withEvidence: boolean }>) {
  const t = CELL_TEXT[kind];
  return (
    <>
      <span aria-hidden="true" className="heat-symbol">
        {t.symbol}
      </span>
      <span aria-hidden="true" className="heat-short">
        {t.short}
        {withEvidence ? "*" : ""}
      </span>
      <span className="visually-hidden">
        {t.long}
        {withEvidence ? ", avec pièce" : kind === "met" || kind === "partial" || kind === "not_met" ? ", déclaré" : ""}
      </span>
    </>
  );
}
