import type { Metadata } from "next";
import Link from "next/link";
import { AnswerCard } from "@/components/assessments/answer-card";
import { AssessmentHeader } from "@/components/assessments/assessment-header";
import { isVisible } from "@/lib/assessments/answer-schemas";
import { getAssessmentView } from "@/lib/assessments/queries";
import { findReusableAnswers } from "@/lib/assessments/reuse";
import { requireActor } from "@/lib/auth/current";
import { can } from "@/lib/auth/scope";
import { db } from "@/lib/core/db";
import { orNotFound } from "@/lib/core/or-not-found";
import { EvidencePanel } from "@/components/evidence/evidence-panel";
import { listEstablishmentEvidence, listEvidenceForAssessment } from "@/lib/evidence/queries";
import { INDICATOR_TEXT, computeReadings, scopeOf } from "@/lib/inventory/indicators";
import { loadIndicatorApplications } from "@/lib/inventory/queries";
import { notFound } from "next/navigation";

export const metadata: Metadata = { title: "Questionnaire" };

type Params = Promise<{ establishmentId: string; assessmentId: string; sectionId: string }>;

export default async function SectionPage({ params }: Readonly<{ params: Params }>) {
  const { establishmentId, assessmentId, sectionId } = await params;
  const actor = await requireActor();
  const view = await orNotFound(getAssessmentView(db, actor, establishmentId, assessmentId));
  const { assessment, progress, answers, editable } = view;
  const section = assessment.referential.domains.find((d) => d.code === decodeURIComponent(sectionId));
  if (!section) notFound();
  const base = `/establishments/${establishmentId}/assessments/${assessmentId}`;
  const readOnly = assessment.status !== "draft" || !editable.has(section.code);
  const requirements = assessment.referential.requirements.filter(
    (r) => r.domain === section.code && isVisible(r, answers, assessment.options),
  );
  // Computed only when a question of this section needs it; the inventory was loaded through the
  // scoped assessment above, so it belongs to the establishment the actor may see.
  const indicators = requirements.some((r) => r.answer.type === "percentage" && r.answer.computedFrom)
    ? await loadIndicatorApplications(db, assessment.establishmentId)
    : null;
  // Each indicator counts the applications its referential's scope names (data), both readings
  // while that scope is uncertain.
  const computedFor = (r: (typeof requirements)[number]) => {
    if (r.answer.type !== "percentage" || !r.answer.computedFrom || !indicators) return undefined;
    const scope = scopeOf(r.answer)!;
    const { strict, broad } = computeReadings(indicators, r.answer.computedFrom, scope);
    if (strict.denominator === 0 && !broad?.denominator) return null;
    return {
      ...strict,
      scope: INDICATOR_TEXT[r.answer.computedFrom].scope,
      broad: broad && broad.denominator > 0 ? broad : null,
      scopeConfidence: scope.confidence,
      scopeNote: scope.note ?? null,
    };
  };
  // Evidence is the establishment's own: delegates and coordinators reading a shared assessment don't see files.
  const seesEvidence = can(actor, "evidence.read", { establishmentId: assessment.establishmentId });
  const [evidence, library] = seesEvidence
    ? await Promise.all([
        listEvidenceForAssessment(db, actor, assessment.id),
        listEstablishmentEvidence(db, actor, assessment.establishmentId),
      ])
    : [null, []];
  const reusable = readOnly ? new Map() : await findReusableAnswers(db, assessment, answers);
  const index = progress.sections.findIndex((s) => s.domainCode === section.code);
  const previous = progress.sections[index - 1];
  const next = progress.sections[index + 1];

  return (
    <div className="stack">
      <AssessmentHeader
        assessment={assessment}
        progress={progress}
        sectionTitle={`${section.code} — ${section.title}`}
      />
      <div className="layout-sidebar">
        <aside className="sidebar card" aria-label="Sections du questionnaire">
          <nav>
            <ol>
              {progress.sections.map((s) => (
                <li key={s.domainCode}>
                  <Link
                    href={`${base}/sections/${s.domainCode}`}
                    aria-current={s.domainCode === section.code ? "page" : undefined}
                  >
                    <span className="small">
                      <strong>{s.domainCode}</strong> {s.title}
                    </span>
                    <span className="small muted" style={{ display: "block" }}>
                      {s.answered} / {s.total}
                      {editable.has(s.domainCode) ? "" : " · lecture seule"}
                    </span>
                    <div className="progress" aria-hidden="true">
                      <span style={{ width: `${s.total ? (s.answered / s.total) * 100 : 0}%` }} />
                    </div>
                  </Link>
                </li>
              ))}
            </ol>
          </nav>
        </aside>
        <div className="stack">
          <p className="muted" style={{ margin: 0 }}>
            {section.description}
          </p>
          {readOnly ? (
            <p className="alert" style={{ margin: 0 }}>
              {assessment.status !== "draft"
                ? "Évaluation soumise : lecture seule."
                : "Cette section ne vous est pas confiée : vous pouvez la lire, pas la modifier."}
            </p>
          ) : (
            <p className="small muted" style={{ margin: 0 }}>
              Chaque réponse est enregistrée automatiquement.
              {indicators ? (
                <>
                  {" "}
                  Les pourcentages d&apos;applications se calculent depuis l&apos;
                  <Link href={`/establishments/${establishmentId}/inventory`}>inventaire des applications</Link>.
                </>
              ) : null}
            </p>
          )}
          {requirements.length === 0 ? (
            <div className="card empty">
              <strong>Aucune question à afficher</strong>Les questions de cette section dépendent du périmètre choisi.
            </div>
          ) : (
            requirements.map((r) => (
              <AnswerCard
                key={r.code}
                assessmentId={assessment.id}
                requirement={r}
                initial={answers.get(r.code) ?? null}
                readOnly={readOnly}
                computed={computedFor(r)}
                reuse={reusable.get(r.code) ?? []}
                evidence={
                  evidence ? (
                    <EvidencePanel
                      assessmentId={assessment.id}
                      requirementCode={r.code}
                      initialLinks={evidence[r.code] ?? []}
                      library={library}
                      readOnly={readOnly}
                    />
                  ) : null
                }
              />
            ))
          )}
          <nav className="row" aria-label="Sections voisines">
            {previous ? (
              <Link className="btn btn-secondary" href={`${base}/sections/${previous.domainCode}`}>
                ← {previous.title}
              </Link>
            ) : null}
            <span className="spacer" />
            {next ? (
              <Link className="btn" href={`${base}/sections/${next.domainCode}`}>
                {next.title} →
              </Link>
            ) : (
              <Link className="btn" href={base}>
                Retour au sommaire
              </Link>
            )}
          </nav>
        </div>
      </div>
    </div>
  );
}
