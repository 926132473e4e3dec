import Link from "next/link";
import { ACTION_STATUS_LABELS } from "@/lib/action-plan/schemas";
import type { ActionOwnerOption, ActionRow } from "@/lib/action-plan/views";
import { formatEuros } from "@/lib/funding/format";
import { ActionRowControls } from "./action-row-controls";
import { StatusSelect } from "./status-select";
import { DataTable } from "@/components/ui/data-table";

type Props = Readonly<{
  assessmentId: string;
  rows: ActionRow[];
  /** The director: edit and delete on each row. */
  canManage: boolean;
  owners: ActionOwnerOption[];
  /** The assessment's page, to link a requirement back to its section. */
  assessmentPath?: string;
  emptyText?: string;
}>;

const dateFr = new Intl.DateTimeFormat("fr-FR", { dateStyle: "medium", timeZone: "UTC" });
const STATUS_BADGE = { todo: "badge-grey", in_progress: "", done: "badge-green", abandoned: "badge-grey" } as const;

/** The action plan: one row per action; the status is editable in place by whoever may change it. */
export function ActionTable({ assessmentId, rows, canManage, owners, assessmentPath, emptyText }: Props) {
  if (rows.length === 0) {
    return (
      <div className="card empty" data-testid="action-plan-empty">
        <strong>Aucune action dans le plan.</strong>
        {emptyText ?? "Créez une action depuis un écart des résultats, ou une action libre."}
      </div>
    );
  }
  return (
    <DataTable
      caption="Plan d'action"
      testId="action-table"
      head={
        <>
          <th scope="col">Action</th>
          <th scope="col">Exigence</th>
          <th scope="col">Responsable</th>
          <th scope="col">Échéance</th>
          <th scope="col">Statut</th>
          <th scope="col" className="num">
            Coût estimé
          </th>
          {canManage ? (
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          ) : null}
        </>
      }
    >
      {rows.map((a) => (
        <tr key={a.id}>
          <td>
            <strong>{a.title}</strong>
            {a.notes ? (
              <p className="small muted" style={{ margin: "0.25rem 0 0", whiteSpace: "pre-line" }}>
                {a.notes}
              </p>
            ) : null}
          </td>
          <td className="small">
            {a.requirementCode ? (
              assessmentPath && a.requirementDomain ? (
                <Link
                  href={`${assessmentPath}/sections/${a.requirementDomain}#${a.requirementCode}`}
                  title={a.requirementLabel ?? undefined}
                >
                  {a.requirementCode}
                </Link>
              ) : (
                <span title={a.requirementLabel ?? undefined}>{a.requirementCode}</span>
              )
            ) : (
              <span className="muted">Action libre</span>
            )}
            {a.requirementLabel ? <div className="muted">{a.requirementLabel}</div> : null}
          </td>
          <td className="small">{a.ownerName ?? <span className="muted">Non attribuée</span>}</td>
          <td className="small" style={{ whiteSpace: "nowrap" }}>
            {a.dueOn ? dateFr.format(new Date(`${a.dueOn}T00:00:00Z`)) : <span className="muted">—</span>}
            {a.overdue ? (
              <>
                {" "}
                <span className="badge badge-red">En retard</span>
              </>
            ) : null}
          </td>
          <td>
            {a.canEditStatus ? (
              <StatusSelect
                key={`${a.id}-${a.version}`}
                assessmentId={assessmentId}
                actionId={a.id}
                title={a.title}
                status={a.status}
                version={a.version}
              />
            ) : (
              <span className={`badge ${STATUS_BADGE[a.status]}`}>{ACTION_STATUS_LABELS[a.status]}</span>
            )}
          </td>
          <td className="num">
            {a.estimatedCost === null ? <span className="muted">—</span> : formatEuros(a.estimatedCost)}
          </td>
          {canManage ? (
            <td>
              <ActionRowControls assessmentId={assessmentId} action={a} owners={owners} />
            </td>
          ) : null}
        </tr>
      ))}
    </DataTable>
  );
}
