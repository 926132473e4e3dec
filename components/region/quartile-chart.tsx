import type { StatisticCell } from "@/lib/region/cells";
import { formatScore, StatisticFigure } from "./figure";

type Row = { code: string; title: string; cell: StatisticCell };

// Per domain, the interquartile box and the median on a 0–100 % axis, drawn on the server as SVG (no
// chart library, no client JavaScript). No minimum or maximum: each would be one establishment's
// value. The table under it says the same in text, with n, for screen readers and for print.

// The label column fits about 30 characters at 12 px; "n = …" has its own column right of the
// axis, so it never sits on a box that reaches 100 %.
const W = 660;
const LABEL = 210;
const N_COLUMN = 64;
const ROW = 30;
const LABEL_CHARS = 30;

const label = (r: Row) => {
  const text = r.code === "*" ? "Score global" : `${r.code} ${r.title}`;
  return text.length > LABEL_CHARS ? `${text.slice(0, LABEL_CHARS - 1).trimEnd()}…` : text;
};

export function QuartileChart({ rows, caption }: Readonly<{ rows: Row[]; caption: string }>) {
  const x = (v: number) => LABEL + ((W - LABEL - N_COLUMN - 12) * v) / 100;
  const height = rows.length * ROW + 28;
  return (
    <figure className="quartile-figure">
      <svg
        viewBox={`0 0 ${W} ${height}`}
        width="100%"
        role="img"
        aria-labelledby="quartile-title"
        className="quartile-chart"
      >
        <title id="quartile-title">{caption}</title>
        {[0, 25, 50, 75, 100].map((t) => (
          <g key={t}>
            <line x1={x(t)} x2={x(t)} y1={4} y2={height - 22} stroke="#d9dce3" />
            <text x={x(t)} y={height - 8} fontSize="11" textAnchor="middle" fill="#555b66">
              {t} %
            </text>
          </g>
        ))}
        {rows.map((r, i) => {
          const y = 8 + i * ROW;
          return (
            <g key={r.code}>
              <text x={0} y={y + 15} fontSize="12" fill="#161616">
                {label(r)}
              </text>
              {r.cell.shown ? (
                <>
                  <rect
                    x={x(r.cell.q1)}
                    y={y + 3}
                    width={Math.max(2, x(r.cell.q3) - x(r.cell.q1))}
                    height={16}
                    fill="#e8edff"
                    stroke="#1f3a93"
                  />
                  <line
                    x1={x(r.cell.median)}
                    x2={x(r.cell.median)}
                    y1={y}
                    y2={y + 22}
                    stroke="#142a6e"
                    strokeWidth={3}
                  />
                  <text x={W - 4} y={y + 15} fontSize="11" textAnchor="end" fill="#555b66">
                    n = {r.cell.n}
                  </text>
                </>
              ) : (
                <text x={x(0) + 4} y={y + 15} fontSize="11" fill="#555b66">
                  ▨ masqué (n = {r.cell.n})
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className="small muted">
        Boîte : du premier au troisième quartile ; trait épais : médiane. Ni minimum ni maximum (chacun serait la valeur
        d&apos;un établissement).
      </figcaption>
      <table className="table table-compact">
        <caption className="visually-hidden">{caption} — valeurs</caption>
        <thead>
          <tr>
            <th scope="col">Domaine</th>
            <th scope="col">Médiane et quartiles</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.code}>
              <th scope="row">{r.code === "*" ? "Score global" : `${r.code} — ${r.title}`}</th>
              <td>
                <StatisticFigure cell={r.cell} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

export { formatScore };
