import type { Metadata } from "next";
import Link from "next/link";
import { AssessmentHeader } from "@/components/assessments/assessment-header";
import { ResultsView } from "@/components/scoring/results-view";
import { requireActor } from "@/lib/auth/current";
import { can } from "@/lib/auth/scope";
import { db } from "@/lib/core/db";
import { orNotFound } from "@/lib/core/or-not-found";
import { CreateActionButton } from "@/components/action-plan/create-action-button";
import { FundingAtStake } from "@/components/funding/funding-at-stake";
import { UsageFunding } from "@/components/funding/usage-funding";
import { getActionPlanContext } from "@/lib/action-plan/queries";
import { getFundingForAssessment } from "@/lib/funding/queries";
import { getAssessmentResults } from "@/lib/scoring/queries";
import { getPeerPosition, PEER_GROUPS } from "@/lib/region/peers";
import { PeerPositionPanel } from "@/components/region/peer-position";

export const metadata: Metadata = { title: "Résultats de l'évaluation" };

type Params = Promise<{ establishmentId: string; assessmentId: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function ResultsPage({
  params,
  searchParams,
}: Readonly<{ params: Params; searchParams: Search }>) {
  const { establishmentId, assessmentId } = await params;
  const { pairs } = await searchParams;
  const actor = await requireActor();
  const { assessment, score, progress, coverage } = await orNotFound(
    getAssessmentResults(db, actor, establishmentId, assessmentId),
  );
  const base = `/establishments/${establishmentId}/assessments/${assessmentId}`;
  const open = progress.total - progress.answered;
  const [plan, funding] = await Promise.all([
    getActionPlanContext(db, actor, assessment),
    getFundingForAssessment(db, actor, assessment),
  ]);
  // The director's position among peers, once submitted (bands only; lib/region/peers.ts).
  const group = PEER_GROUPS.find((g) => g === pairs) ?? "region";
  const peers =
    assessment.status !== "draft" && can(actor, "assessment.manage", { establishmentId })
      ? await getPeerPosition(db, actor, establishmentId, assessmentId, group)
      : null;
  return (
    <div className="stack">
      <AssessmentHeader assessment={assessment} progress={progress} sectionTitle="Résultats" />
      {open > 0 ? (
        <p className="alert" style={{ margin: 0 }}>
          {open > 1
            ? `${open} réponses manquent ou sont à confirmer : elles comptent`
            : "1 réponse manque ou est à confirmer : elle compte"}{" "}
          « à instruire ». <Link href={base}>Reprendre le questionnaire</Link>
        </p>
      ) : null}
      <ResultsView
        score={score}
        base={base}
        coverage={coverage}
        siteCoverageOf={
          assessment.status === "draft" &&
          can(actor, "assessment.manage", { establishmentId: assessment.establishmentId })
            ? assessment.id
            : null
        }
        fundingSlot={
          // HOP'EN usage is paid per domain: one figure per domain applied for, beside its verdict.
          score.verdict.domains.length > 0 ? (
            <UsageFunding funding={funding} domains={score.verdict.domains} />
          ) : (
            <FundingAtStake funding={funding} blockingMissing={score.verdict.blockingMissing} />
          )
        }
        actionSlot={(gap) => {
          const count = plan.actionsByRequirement[gap.code] ?? 0;
          return (
            <div className="row">
              {count > 0 ? (
                <Link className="small" href={`${base}/actions`}>
                  {count} action{count > 1 ? "s" : ""} prévue{count > 1 ? "s" : ""}
                </Link>
              ) : null}
              {plan.canCreate ? (
                <CreateActionButton
                  assessmentId={assessment.id}
                  owners={plan.owners}
                  gap={{ code: gap.code, label: gap.label, recommendedAction: gap.recommendedAction }}
                />
              ) : null}
            </div>
          );
        }}
      />
      {peers ? <PeerPositionPanel position={peers} action={`${base}/results`} /> : null}
      <nav className="row" aria-label="Suite">
        <Link className="btn btn-secondary" href={base}>
          ← Sommaire du questionnaire
        </Link>
        <span className="spacer" />
        <Link className="btn btn-secondary" href={`${base}/actions`}>
          Plan d&apos;actions
        </Link>
        <Link className="btn btn-secondary" href={`/establishments/${establishmentId}/history`}>
          Historique de l&apos;établissement
        </Link>
      </nav>
    </div>
  );
}
