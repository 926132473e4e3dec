import Link from "next/link";
import { AssessmentStatusBadge } from "@/components/assessments/status-badge";
import type { HistoryEntry } from "@/lib/scoring/queries";
import { DataTable } from "@/components/ui/data-table";

/** Verdict and scores per campaign, oldest first, each row linking to its results. */
export function HistoryTable({
  establishmentId,
  entries,
}: Readonly<{ establishmentId: string; entries: HistoryEntry[] }>) {
  return (
    <DataTable
      caption="Verdict et scores par campagne, de la plus ancienne à la plus récente"
      head={
        <>
          <th scope="col">Campagne</th>
          <th scope="col">Référentiel</th>
          <th scope="col">État</th>
          <th scope="col">Verdict</th>
          <th scope="col" className="num">
            Score global
          </th>
          <th scope="col">Score par domaine</th>
        </>
      }
    >
      {entries.map((e) => (
        <tr key={e.id}>
          <td>
            <Link href={`/establishments/${establishmentId}/assessments/${e.id}/results`}>{e.campaign.name}</Link>
            <div className="small muted">
              {e.campaign.year}
              {e.revision > 1 ? ` · révision ${e.revision}` : ""}
            </div>
          </td>
          <td className="small">
            {e.referential.title} <span className="muted">v{e.referential.version}</span>
          </td>
          <td>
            <AssessmentStatusBadge status={e.status} />
          </td>
          <td>
            <span className={`badge ${e.verdict.eligible ? "badge-green" : "badge-orange"}`}>
              {e.verdict.eligible
                ? e.verdict.headline
                : e.verdict.status === "reserved"
                  ? "Sous réserve"
                  : "Pas encore éligible"}
            </span>
            {e.verdict.eligible ? null : (
              <div className="small muted">{e.verdict.headline.replace(/^Pas encore éligible : /, "")}</div>
            )}
          </td>
          <td className="num">
            <strong>{e.overall === null ? "—" : `${e.overall} %`}</strong>
          </td>
          <td className="small">
            <ul style={{ listStyle: "none", margin: 0, padding: 0 }}>
              {e.domains.map((d) => (
                <li key={d.code}>
                  <strong>{d.code}</strong> {d.score === null ? "—" : `${d.score} %`}
                </li>
              ))}
            </ul>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
