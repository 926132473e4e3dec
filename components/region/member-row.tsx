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

const NOT_SHARED = <span className="muted small">non partagé</span>;

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
      <td className="nowrap">{row.sizeBand ?? <span className="muted">non renseignée</span>}</td>
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
