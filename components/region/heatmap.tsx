"use client";

import type { KeyboardEvent } from "react";
import type { HeatmapRowView } from "@/lib/region/member-views";
import { cellKind, HeatmapCellContent } from "./heatmap-cell";

type Props = Readonly<{
  id: string;
  caption: string;
  domains: { code: string; title: string }[];
  requirements: { code: string; label: string; domain: string }[];
  rows: HeatmapRowView[];
}>;

// Members × requirements, grouped by domain. A grid with one tab stop (roving tabindex): the arrow
// keys move cell to cell, Home/End to the row's ends, Ctrl+Home/End to the grid's corners. The tab
// stop is moved on the DOM directly, so the markup rendered on the server is the markup shown.

function move(event: KeyboardEvent<HTMLTableElement>) {
  const cell = (event.target as HTMLElement).closest<HTMLElement>("[data-cell]");
  if (!cell) return;
  const grid = event.currentTarget;
  const rows = [...grid.querySelectorAll<HTMLElement>("tbody tr")];
  const r = Number(cell.dataset.row);
  const c = Number(cell.dataset.col);
  const width = rows[0]?.querySelectorAll("[data-cell]").length ?? 0;
  let [nr, nc] = [r, c];
  switch (event.key) {
    case "ArrowRight":
      nc = Math.min(width - 1, c + 1);
      break;
    case "ArrowLeft":
      nc = Math.max(0, c - 1);
      break;
    case "ArrowDown":
      nr = Math.min(rows.length - 1, r + 1);
      break;
    case "ArrowUp":
      nr = Math.max(0, r - 1);
      break;
    case "Home":
      nc = 0;
      if (event.ctrlKey) nr = 0;
      break;
    case "End":
      nc = width - 1;
      if (event.ctrlKey) nr = rows.length - 1;
      break;
    default:
      return;
  }
  event.preventDefault();
  const next = grid.querySelector<HTMLElement>(`[data-cell][data-row="${nr}"][data-col="${nc}"]`);
  if (!next) return;
  cell.tabIndex = -1;
  next.tabIndex = 0;
  next.focus();
}

export function Heatmap({ id, caption, domains, requirements, rows }: Props) {
  const byDomain = domains
    .map((d) => ({ ...d, requirements: requirements.filter((r) => r.domain === d.code) }))
    .filter((d) => d.requirements.length > 0);
  const ordered = byDomain.flatMap((d) => d.requirements);
  return (
    // Its own scrolling region, reachable by the keyboard: on a tablet the grid is wider and
    // taller than the screen, and the page around it must not scroll sideways.
    <div className="table-wrap heatmap-wrap" role="region" aria-label={`${caption} (zone défilante)`} tabIndex={0}>
      <table id={id} className="heatmap" role="grid" aria-label={caption} onKeyDown={move}>
        <thead>
          <tr>
            <td />
            {byDomain.map((d) => (
              <th key={d.code} scope="colgroup" colSpan={d.requirements.length} className="heat-domain" title={d.title}>
                {d.code} <span className="small muted">{d.title}</span>
              </th>
            ))}
          </tr>
          <tr>
            <th scope="col" className="heat-corner">
              Établissement
            </th>
            {ordered.map((r) => (
              <th key={r.code} scope="col" className="heat-code" title={r.label}>
                {r.code}
                <span className="visually-hidden"> — {r.label}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, ri) => {
            const byCode = new Map(row.cells.map((c) => [c.code, c]));
            return (
              <tr key={row.id} data-member={row.id}>
                <th scope="row" className="heat-name">
                  {row.name}
                </th>
                {ordered.map((r, ci) => {
                  const cell = byCode.get(r.code) ?? { code: r.code, status: null, withEvidence: false };
                  const kind = cellKind(cell, row.missing);
                  return (
                    <td
                      key={r.code}
                      role="gridcell"
                      data-cell=""
                      data-row={ri}
                      data-col={ci}
                      tabIndex={ri === 0 && ci === 0 ? 0 : -1}
                      className={`heat heat-${kind}`}
                    >
                      <HeatmapCellContent kind={kind} withEvidence={cell.withEvidence} />
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function HeatmapLegend() {
  return (
    <p className="small muted heat-legend">
      <span>✓ Oui : atteinte</span> · <span>◐ Part. : partiellement</span> · <span>✗ Non : non atteinte</span> ·{" "}
      <span>? NSP : inconnue</span> · <span>– N/A : non applicable</span> · <span>· NP : détail non partagé</span> ·{" "}
      <span>… NS : non soumise</span> · <span>* : réponse avec pièce justificative (sinon déclarée)</span>. Flèches du
      clavier pour parcourir la grille.
    </p>
  );
}
