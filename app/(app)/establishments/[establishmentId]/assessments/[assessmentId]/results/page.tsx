import type { Metadata } from "next";
import Link from "next/link";
import { AssessmentHeader } from "@/components/assessments/assessment-header";
import { ResultsView } from "@/components/scoring/results-view";
import { requireActor } from "@/lib/auth/current";
import { db } from "@/lib/core/db";
import { orNotFound } from "@/lib/core/page";
import { getAssessmentResults } from "@/lib/scoring/queries";

export const metadata: Metadata = { title: "Résultats de l'évaluation" };

type Params = Promise<{ establishmentId: string; assessmentId: string }>;

export default async function ResultsPage({ params }: Readonly<{ params: Params }>) {
  const { establishmentId, assessmentId } = await params;
  const actor = await requireActor();
  const { assessment, score, progress, coverage } = await orNotFound(getAssessmentResults(db, actor, establishmentId, assessmentId));
  const base = `/establishments/${establishmentId}/assessments/${assessmentId}`;
  const open = progress.total - progress.answered;
  return (
    <div className="stack">
      <AssessmentHeader assessment={assessment} progress={progress} sectionTitle="Résultats" />
      {open > 0 ? (
        <p className="alert" style={{ margin: 0 }}>
          {open > 1 ? `${open} réponses manquent ou sont à confirmer : elles comptent` : "1 réponse manque ou est à confirmer : elle compte"} « à instruire ».{" "}
          <Link href={base}>Reprendre le questionnaire</Link>
        </p>
      ) : null}
      {/* Slots: the action plan fills `actionSlot` (one "Créer une action" per gap), funding fills `fundingSlot`. */}
      <ResultsView score={score} base={base} coverage={coverage} />
      <nav className="row" aria-label="Suite">
        <Link className="btn btn-secondary" href={base}>← Sommaire du questionnaire</Link>
        <span className="spacer" />
        <Link className="btn btn-secondary" href={`/establishments/${establishmentId}/history`}>Historique de l&apos;établissement</Link>
      </nav>
    </div>
  );
}
