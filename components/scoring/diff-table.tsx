import type { AssessmentDiff, ChangeKind, RequirementChange } from "@/lib/scoring/diff";
import { RequirementStatusBadge } from "./status-badge";
import { DataTable } from "@/components/ui/data-table";

const CHANGE_LABELS: Record<ChangeKind, [string, string]> = {
  improved: ["Amélioré", "badge-green"],
  regressed: ["En recul", "badge-red"],
  unchanged: ["Inchangé", "badge-grey"],
};

function ChangeRows({ changes }: Readonly<{ changes: RequirementChange[] }>) {
  return (
    <DataTable
      flat
      head={
        <>
          <th scope="col">Exigence</th>
          <th scope="col">Avant</th>
          <th scope="col">Après</th>
          <th scope="col">Évolution</th>
        </>
      }
    >
      {changes.map((c) => (
        <tr key={c.code}>
          <td>
            <strong>{c.code}</strong> <span className="small">{c.label}</span>
          </td>
          <td>
            <RequirementStatusBadge status={c.before} />
          </td>
          <td>
            <RequirementStatusBadge status={c.after} />
          </td>
          <td>
            <span className={`badge ${CHANGE_LABELS[c.change][1]}`}>{CHANGE_LABELS[c.change][0]}</span>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

/** Improved and regressed requirements first; unchanged ones folded away. */
export function DiffTable({ diff }: Readonly<{ diff: AssessmentDiff }>) {
  if (diff.changes.length === 0) {
    return (
      <p className="muted" style={{ margin: 0 }}>
        Aucune exigence commune aux deux évaluations : elles portent sur des référentiels différents.
      </p>
    );
  }
  const moved = diff.changes.filter((c) => c.change !== "unchanged");
  const unchanged = diff.changes.filter((c) => c.change === "unchanged");
  return (
    <div className="stack" data-testid="diff">
      <p style={{ margin: 0 }}>
        <strong>{diff.counts.improved}</strong> amélioré{diff.counts.improved > 1 ? "s" : ""} ·{" "}
        <strong>{diff.counts.regressed}</strong> en recul · <strong>{diff.counts.unchanged}</strong> inchangé
        {diff.counts.unchanged > 1 ? "s" : ""}
      </p>
      {moved.length ? (
        <ChangeRows changes={moved} />
      ) : (
        <p className="muted" style={{ margin: 0 }}>
          Aucune exigence n&apos;a changé de statut.
        </p>
      )}
      {unchanged.length ? (
        <details>
          <summary>Exigences inchangées ({unchanged.length})</summary>
          <ChangeRows changes={unchanged} />
        </details>
      ) : null}
    </div>
  );
}
