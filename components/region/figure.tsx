import type { Cell, StatisticCell } from "@/lib/region/cells";
import { SUPPRESSION_TEXT } from "@/lib/region/small-groups";

const pct = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 });
export const formatShare = (value: number, n: number) => (n === 0 ? "—" : `${pct.format((100 * value) / n)} %`);
export const formatScore = (v: number) => `${pct.format(v)} %`;

/** The marker that replaces a hidden figure, with its reason. */
export function Suppressed({ cell }: Readonly<{ cell: { reason: "small" | "complementary"; k: number; n: number } }>) {
  return (
    <span className="suppressed" title={SUPPRESSION_TEXT[cell.reason](cell.k)}>
      <span aria-hidden="true">▨ </span>
      masqué <span className="small">({SUPPRESSION_TEXT[cell.reason](cell.k)})</span>
    </span>
  );
}

/** A count with its n ("7 / 12 · 58 %"), or the marker. */
export function CountFigure({ cell, share = true }: Readonly<{ cell: Cell; share?: boolean }>) {
  if (!cell.shown) return <Suppressed cell={cell} />;
  return (
    <span className="figure">
      <strong>{cell.value}</strong>
      <span className="muted"> / {cell.n}</span>
      {share ? <span className="muted"> · {formatShare(cell.value, cell.n)}</span> : null}
    </span>
  );
}

export function StatisticFigure({ cell }: Readonly<{ cell: StatisticCell }>) {
  if (!cell.shown) return <Suppressed cell={cell} />;
  return (
    <span className="figure">
      médiane <strong>{formatScore(cell.median)}</strong>{" "}
      <span className="muted">
        (Q1 {formatScore(cell.q1)} – Q3 {formatScore(cell.q3)}, n = {cell.n})
      </span>
    </span>
  );
}
