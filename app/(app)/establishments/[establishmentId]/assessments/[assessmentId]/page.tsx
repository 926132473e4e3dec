import type { Metadata } from "next";
import Link from "next/link";
import { AssessmentHeader } from "@/components/assessments/assessment-header";
import { AssignSection } from "@/components/assessments/assign-section";
import { CommandButton } from "@/components/assessments/command-button";
import { DossierLinks } from "@/components/dossier/dossier-links";
import { OptionsForm } from "@/components/assessments/options-form";
import { SubmitPanel } from "@/components/assessments/submit-panel";
import { getAssessmentView } from "@/lib/assessments/queries";
import { requireActor } from "@/lib/auth/current";
import { can } from "@/lib/auth/scope";
import { isDossierSealed } from "@/lib/dossier/queries";
import { db } from "@/lib/core/db";
import { orNotFound } from "@/lib/core/or-not-found";
import { DataTable } from "@/components/ui/data-table";

export const metadata: Metadata = { title: "Évaluation" };

const dateFr = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long" });

type Params = Promise<{ establishmentId: string; assessmentId: string }>;

export default async function AssessmentPage({ params }: Readonly<{ params: Params }>) {
  const { establishmentId, assessmentId } = await params;
  const actor = await requireActor();
  const view = await orNotFound(getAssessmentView(db, actor, establishmentId, assessmentId));
  const { assessment, progress, isDirector, editable } = view;
  const base = `/establishments/${establishmentId}/assessments/${assessmentId}`;
  const isDraft = assessment.status === "draft";
  const isMember = can(actor, "assessment.answer", { establishmentId: assessment.establishmentId });
  const missing = progress.total - progress.answered;
  // Contributors see the sections entrusted to them first.
  const sections = [...progress.sections].sort(
    (a, b) => Number(editable.has(b.domainCode)) - Number(editable.has(a.domainCode)),
  );

  return (
    <div className="stack">
      <AssessmentHeader assessment={assessment} progress={progress} />
      <nav className="row" aria-label="Évaluation">
        <Link className="btn btn-small" href={`${base}/results`}>
          Résultats et éligibilité
        </Link>
        <Link className="btn btn-small btn-secondary" href={`${base}/actions`}>
          Plan d&apos;actions
        </Link>
        <Link className="btn btn-small btn-secondary" href={`/establishments/${establishmentId}/history`}>
          Historique
        </Link>
        {isMember ? (
          <Link className="btn btn-small btn-secondary" href={`/establishments/${establishmentId}/inventory`}>
            Inventaire des applications
          </Link>
        ) : null}
      </nav>
      {isMember ? (
        <section className="card" aria-labelledby="dossier-title">
          <h2 id="dossier-title">Dossier pour l&apos;ARS</h2>
          <DossierLinks
            assessmentId={assessment.id}
            isDirector={isDirector}
            status={assessment.status}
            sealed={!isDraft && (await isDossierSealed(db, assessment.id))}
          />
        </section>
      ) : null}
      {view.resume && isDraft ? (
        <p className="alert" style={{ margin: 0 }}>
          <Link href={`${base}/sections/${view.resume.domainCode}#${view.resume.code}`}>
            Reprendre là où vous en étiez : {view.resume.code}
          </Link>
        </p>
      ) : null}
      {assessment.referential.options.length > 0 ? (
        <OptionsForm
          assessmentId={assessment.id}
          options={assessment.referential.options}
          values={assessment.options}
          readOnly={!isDirector || !isDraft}
        />
      ) : null}

      <section className="card" aria-labelledby="sections-title">
        <h2 id="sections-title">Sections</h2>
        <DataTable
          flat
          head={
            <>
              <th scope="col">Section</th>
              <th scope="col">Avancement</th>
              <th scope="col">Confiée à</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </>
          }
        >
          {sections.map((s) => {
            const assigned = view.assignedTo.get(s.domainCode) ?? [];
            const pct = s.total ? Math.round((s.answered / s.total) * 100) : 0;
            return (
              <tr key={s.domainCode}>
                <td>
                  <Link href={`${base}/sections/${s.domainCode}`}>
                    <strong>{s.domainCode}</strong> — {s.title}
                  </Link>
                  {editable.has(s.domainCode) && !isDirector ? (
                    <span className="badge" style={{ marginLeft: 8 }}>
                      Vous est confiée
                    </span>
                  ) : null}
                </td>
                <td style={{ minWidth: 180 }}>
                  <div className="small">
                    {s.answered} / {s.total} ({pct} %){s.unknown ? ` · ${s.unknown} « je ne sais pas »` : ""}
                    {s.toConfirm ? ` · ${s.toConfirm} à confirmer` : ""}
                  </div>
                  <div
                    className="progress"
                    role="progressbar"
                    aria-valuenow={pct}
                    aria-valuemin={0}
                    aria-valuemax={100}
                    aria-label={`Avancement ${s.title}`}
                  >
                    <span style={{ width: `${pct}%` }} />
                  </div>
                </td>
                <td className="small">
                  {assigned.length ? assigned.map((a) => a.name).join(", ") : <span className="muted">Direction</span>}
                </td>
                <td>
                  {isDirector && isDraft ? (
                    <AssignSection
                      assessmentId={assessment.id}
                      domainCode={s.domainCode}
                      title={s.title}
                      contributors={view.contributors}
                      assigned={assigned.map((a) => a.id)}
                    />
                  ) : null}
                </td>
              </tr>
            );
          })}
        </DataTable>
      </section>

      {isDirector ? (
        <section className="card" aria-labelledby="submit-title">
          <h2 id="submit-title">{isDraft ? "Attester et soumettre" : "Soumission"}</h2>
          {isDraft ? (
            <>
              {missing > 0 ? (
                <div className="stack" style={{ gap: "0.5rem", marginBottom: "1rem" }}>
                  <p style={{ margin: 0 }}>Réponses manquantes ou à confirmer :</p>
                  <ul className="small" style={{ margin: 0 }}>
                    {progress.sections
                      .filter((s) => s.missing.length)
                      .map((s) => (
                        <li key={s.domainCode}>
                          {s.title} :{" "}
                          {s.missing.map((code, i) => (
                            <span key={code}>
                              {i ? ", " : ""}
                              <Link href={`${base}/sections/${s.domainCode}#${code}`}>{code}</Link>
                            </span>
                          ))}
                        </li>
                      ))}
                  </ul>
                </div>
              ) : null}
              <SubmitPanel
                assessmentId={assessment.id}
                version={assessment.version}
                defaultName={actor.name}
                defaultTitle={actor.title ?? ""}
                today={new Date().toISOString().slice(0, 10)}
                missing={missing}
              />
            </>
          ) : (
            <div className="stack" style={{ gap: "0.75rem" }}>
              <p style={{ margin: 0 }} data-testid="submitted-banner">
                {assessment.status === "submitted" ? "Évaluation soumise" : "Révision remplacée"}
                {assessment.submittedAt ? ` le ${dateFr.format(assessment.submittedAt)}` : ""} — lecture seule.
              </p>
              {assessment.status === "submitted" ? (
                <CommandButton
                  url={`/api/assessments/${assessment.id}/reopen`}
                  label="Rouvrir en nouvelle révision"
                  className="btn btn-secondary"
                  confirm="Rouvrir crée une nouvelle révision modifiable, qui reprend les réponses, les pièces et le plan d’actions ; la version soumise reste conservée telle quelle. Continuer ?"
                  redirectTo={`/establishments/${establishmentId}/assessments/{id}`}
                />
              ) : null}
            </div>
          )}
          <hr style={{ border: 0, borderTop: "1px solid var(--line)", margin: "1.25rem 0" }} />
          <div className="row">
            <div>
              <strong>Partage avec la délégation régionale et le GHT</strong>
              <p className="small muted" style={{ margin: 0 }}>
                {assessment.sharing === "detail"
                  ? "Participation et détail : la délégation FHF et la coordination du GHT voient le verdict, les scores par domaine et le statut de chaque exigence de la version soumise."
                  : "Participation seulement : la délégation FHF et la coordination du GHT voient l'avancement et le verdict, jamais les réponses."}
              </p>
            </div>
            <span className="spacer" />
            <Link className="btn btn-secondary btn-small" href={`${base}/sharing`}>
              Voir ce que voit la région et choisir
            </Link>
          </div>
        </section>
      ) : null}
    </div>
  );
}
