import type { Metadata } from "next";
import { establishmentCrumbs } from "@/components/establishments/crumbs";
import { PageHeader } from "@/components/ui/page-header";
import { CompareForm } from "@/components/scoring/compare-form";
import { DiffTable } from "@/components/scoring/diff-table";
import { HistoryTable } from "@/components/scoring/history-table";
import { requireActor } from "@/lib/auth/current";
import { db } from "@/lib/core/db";
import { orNotFound } from "@/lib/core/or-not-found";
import { diffAssessments } from "@/lib/scoring/diff";
import { getEstablishmentHistory } from "@/lib/scoring/queries";

export const metadata: Metadata = { title: "Historique des évaluations" };

type Params = Promise<{ establishmentId: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

const single = (v: string | string[] | undefined) => (typeof v === "string" ? v : null);

export default async function HistoryPage({
  params,
  searchParams,
}: Readonly<{ params: Params; searchParams: Search }>) {
  const { establishmentId } = await params;
  const search = await searchParams;
  const actor = await requireActor();
  const { establishment, assessments } = await orNotFound(getEstablishmentHistory(db, actor, establishmentId));
  // Only ids from the scoped history are compared; anything else in the URL is ignored.
  const byId = new Map(assessments.map((a) => [a.id, a]));
  const from = byId.get(single(search.from) ?? "") ?? assessments.at(-2) ?? null;
  const to = byId.get(single(search.to) ?? "") ?? assessments.at(-1) ?? null;
  const diff = from && to && from.id !== to.id ? diffAssessments(from, to) : null;

  return (
    <div className="stack">
      <PageHeader crumbs={establishmentCrumbs(establishment, "Historique")} title="Historique des évaluations">
        <p>Verdict et score par domaine de chaque campagne, de la plus ancienne à la plus récente.</p>
      </PageHeader>
      {assessments.length === 0 ? (
        <div className="card empty">
          <strong>Aucune évaluation à afficher</strong>Aucune évaluation de cet établissement ne vous est accessible.
        </div>
      ) : (
        <HistoryTable establishmentId={establishment.id} entries={assessments} />
      )}
      {assessments.length >= 2 ? (
        <section className="card stack" aria-labelledby="compare-title">
          <h2 id="compare-title" style={{ margin: 0 }}>
            Comparer deux évaluations
          </h2>
          <CompareForm entries={assessments} from={from?.id ?? null} to={to?.id ?? null} />
          {diff && from && to ? (
            <>
              <p className="small muted" style={{ margin: 0 }}>
                De « {from.campaign.name} » à « {to.campaign.name} », sur les exigences présentes dans les deux.
              </p>
              <DiffTable diff={diff} />
            </>
          ) : (
            <p className="muted" style={{ margin: 0 }}>
              Choisissez deux évaluations différentes.
            </p>
          )}
        </section>
      ) : null}
    </div>
  );
}
