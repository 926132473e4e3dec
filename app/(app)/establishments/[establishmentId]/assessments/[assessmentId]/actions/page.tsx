import type { Metadata } from "next";
import Link from "next/link";
import { HOME_CRUMB, PageHeader } from "@/components/ui/page-header";
import { ActionTable } from "@/components/action-plan/action-table";
import { CreateActionButton } from "@/components/action-plan/create-action-button";
import { getActionPlan } from "@/lib/action-plan/queries";
import { ACTION_STATUSES, ACTION_STATUS_LABELS, type ActionStatus } from "@/lib/action-plan/schemas";
import { requireActor } from "@/lib/auth/current";
import { db } from "@/lib/core/db";
import { orNotFound } from "@/lib/core/or-not-found";
import { formatEuros } from "@/lib/funding/format";

export const metadata: Metadata = { title: "Plan d'action" };

type Params = Promise<{ establishmentId: string; assessmentId: string }>;
type Search = Promise<{ status?: string | string[] }>;

export default async function ActionPlanPage({
  params,
  searchParams,
}: Readonly<{ params: Params; searchParams: Search }>) {
  const { establishmentId, assessmentId } = await params;
  const { status } = await searchParams;
  const actor = await requireActor();
  const plan = await orNotFound(getActionPlan(db, actor, assessmentId, establishmentId));
  const { assessment, totals } = plan;
  const filter = ACTION_STATUSES.find((s) => s === status) as ActionStatus | undefined;
  const rows = filter ? plan.actions.filter((a) => a.status === filter) : plan.actions;
  const base = `/establishments/${establishmentId}/assessments/${assessmentId}`;

  return (
    <div className="stack">
      <PageHeader
        crumbs={[
          HOME_CRUMB,
          { href: `/establishments/${establishmentId}`, label: assessment.establishment.name },
          { href: base, label: assessment.campaign.name },
          { label: "Plan d'action" },
        ]}
        title="Plan d'action"
        actions={
          plan.isDirector ? (
            <CreateActionButton
              assessmentId={assessment.id}
              owners={plan.owners}
              label="Nouvelle action"
              className="btn"
            />
          ) : null
        }
      >
        <p>
          Les actions qui comblent les écarts de l&apos;évaluation « {assessment.campaign.name} ». Le plan reste
          modifiable après la soumission : la direction le tient à jour ; chaque responsable fait avancer le statut de
          ses actions.
        </p>
      </PageHeader>

      <div className="grid" aria-label="Synthèse du plan">
        <div className="card">
          <div className="stat" data-testid="plan-count">
            {totals.count}
          </div>
          <div className="stat-label">actions, dont {totals.byStatus.done} terminée(s)</div>
        </div>
        <div className="card">
          <div className="stat" data-testid="plan-overdue" style={totals.overdue ? { color: "var(--red)" } : undefined}>
            {totals.overdue}
          </div>
          <div className="stat-label">en retard</div>
        </div>
        <div className="card">
          <div className="stat" data-testid="plan-cost">
            {formatEuros(totals.estimatedCost)}
          </div>
          <div className="stat-label">coût estimé (hors actions abandonnées)</div>
        </div>
        <div className="card">
          <div className="stat">{formatEuros(totals.remainingCost)}</div>
          <div className="stat-label">reste à engager (à faire et en cours)</div>
        </div>
      </div>

      <nav className="row" aria-label="Filtrer par statut">
        <span className="small muted">Statut :</span>
        <Link
          className={`badge ${filter ? "badge-grey" : ""}`}
          href={`${base}/actions`}
          aria-current={filter ? undefined : "page"}
        >
          Toutes ({totals.count})
        </Link>
        {ACTION_STATUSES.map((s) => (
          <Link
            key={s}
            className={`badge ${filter === s ? "" : "badge-grey"}`}
            href={`${base}/actions?status=${s}`}
            aria-current={filter === s ? "page" : undefined}
          >
            {ACTION_STATUS_LABELS[s]} ({totals.byStatus[s]})
          </Link>
        ))}
      </nav>

      <ActionTable
        assessmentId={assessment.id}
        rows={rows}
        canManage={plan.isDirector}
        owners={plan.owners}
        assessmentPath={base}
        emptyText={filter ? `Aucune action « ${ACTION_STATUS_LABELS[filter]} ».` : undefined}
      />
    </div>
  );
}
