import type { MemberRowView } from "@/lib/region/member-views";
import { formatScore } from "./figure";

// One member as the region sees it. The delegate's table and the director's preview both draw
// this component from the same view data (lib/region/member-views.ts): same markup, by construction.

export const PARTICIPATION_LABELS = {
  not_started: "Non commencée",
  in_progress: "En cours",
  submitted: "Soumise",
} as const;

export function ParticipationBadge({ value }: Readonly<{ value: MemberRowView["participation"] }>) {
  const tone = value === "submitted" ? "badge-green" : value === "in_progress" ? "badge-orange" : "badge-grey";
  const symbol = value === "submitted" ? "●" : value === "in_progress" ? "◐" : "○";
  return (
    <span className={`badge ${tone}`}>
      <span aria-hidden="true">{symbol} </span>
      {PARTICIPATION_LABELS[value]}
    </span>
  );
}

export function VerdictText({ eligible }: Readonly<{ eligible: boolean | null }>) {
  if (eligible === null) return <span className="muted">—</span>;
  return eligible ? (
    <span className="verdict verdict-ok">
      <span aria-hidden="true">✓ </span>Éligible
    </span>
  ) : (
    <span className="verdict verdict-ko">
      <span aria-hidden="true">✗ </span>Pas encore éligible
    </span>
  );
}

// "NP", as in the heatmap's legend: the words in full, eight times a row, made the table too wide
// for a projector. Screen readers get the words.
const NOT_SHARED = (
  <span className="muted small" title="détail non partagé">
    <span aria-hidden="true">NP</span>
    <span className="visually-hidden">détail non partagé</span>
  </span>
);

/** "20 000 – 60 000" may wrap around the dash, never inside a number (narrow no-break spaces). */
const keepNumbersWhole = (text: string) => text.replace(/(\d) (?=\d)/g, "$1\u202f");

export function MemberRow({ row, showGht = true }: Readonly<{ row: MemberRowView; showGht?: boolean }>) {
  const detail = (score: number | null) =>
    !row.detailShared ? (
      row.participation === "submitted" ? (
        NOT_SHARED
      ) : (
        <span className="muted">—</span>
      )
    ) : score === null ? (
      <span className="muted">n. a.</span>
    ) : (
      formatScore(score)
    );
  return (
    <tr data-member={row.id}>
      <th scope="row">{row.name}</th>
      <td>{row.departement}</td>
      {showGht ? <td>{row.ght?.replace(/^GHT /, "") ?? <span className="muted">hors GHT</span>}</td> : null}
      <td>{row.category}</td>
      <td>{row.sizeBand ? keepNumbersWhole(row.sizeBand) : <span className="muted">non renseignée</span>}</td>
      <td>
        <ParticipationBadge value={row.participation} />
      </td>
      <td>
        <VerdictText eligible={row.eligible} />
      </td>
      <td className="num">{detail(row.overall)}</td>
      {row.domains.map((d) => (
        <td key={d.code} className="num">
          {detail(d.score)}
        </td>
      ))}
    </tr>
  );
}
