import Link from "next/link";
import type { Actor, ActorMembership } from "@/lib/auth/actor";
import { FUNCTION_LABELS } from "@/lib/auth/describe";
import { membershipGrants } from "@/lib/auth/permissions";
import { listEstablishmentCampaigns, listMyAssignments } from "@/lib/assessments/queries";
import { db } from "@/lib/core/db";
import { getEstablishmentOrThrow } from "@/lib/establishments/queries";
import { CATEGORY_LABELS } from "@/components/establishments/labels";
import { AssessmentStatusBadge } from "@/components/assessments/status-badge";
import { CommandButton } from "@/components/assessments/command-button";

const dateFr = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long" });

type Props = Readonly<{ actor: Actor; membership: ActorMembership }>;

export async function EstablishmentHome({ actor, membership }: Props) {
  const establishment = await getEstablishmentOrThrow(db, actor, membership.establishmentId!);
  const isDirector = membershipGrants(membership, "assessment.manage");
  const [campaigns, assignments] = await Promise.all([
    listEstablishmentCampaigns(db, actor, establishment.id),
    isDirector ? Promise.resolve([]) : listMyAssignments(db, actor),
  ]);
  const mine = assignments.filter((a) => a.assessment.establishment.id === establishment.id);
  return (
    <section className="stack" aria-labelledby={`est-${establishment.id}`}>
      <div className="card">
        <div className="row">
          <div>
            <h2 id={`est-${establishment.id}`} style={{ marginBottom: 4 }}>
              <Link href={`/establishments/${establishment.id}`}>{establishment.name}</Link>
            </h2>
            <p className="muted small" style={{ margin: 0 }}>
              {CATEGORY_LABELS[establishment.category]} · FINESS {establishment.finess} ·{" "}
              {establishment.departement.name}
              {establishment.ght ? ` · ${establishment.ght.name}` : ""}
            </p>
          </div>
          <span className="spacer" />
          <span className="badge">
            {isDirector
              ? "Direction"
              : `Contributeur${membership.function ? ` · ${FUNCTION_LABELS[membership.function]}` : ""}`}
          </span>
        </div>
      </div>

      {!isDirector ? (
        <div className="card">
          <h3>Sections qui vous sont confiées</h3>
          {mine.length === 0 ? (
            <p className="muted" style={{ margin: 0 }}>
              Aucune section ne vous est confiée pour l&apos;instant. La direction de l&apos;établissement vous en
              attribuera depuis le questionnaire.
            </p>
          ) : (
            <ul>
              {mine.map((a) => (
                <li key={`${a.assessment.id}-${a.domainCode}`}>
                  <Link
                    href={`/establishments/${establishment.id}/assessments/${a.assessment.id}/sections/${a.domainCode}`}
                  >
                    {a.assessment.campaign.name} — section {a.domainCode}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}

      <div className="card">
        <h3>Campagnes</h3>
        {campaigns.length === 0 ? (
          <p className="muted" style={{ margin: 0 }}>
            Aucune campagne n&apos;est ouverte pour votre établissement. Les campagnes sont ouvertes par
            l&apos;administration de la plateforme ; vous serez prévenu à leur ouverture.
          </p>
        ) : (
          <ul className="stack" style={{ listStyle: "none", padding: 0, margin: 0 }}>
            {campaigns.map((c) => (
              <li key={c.id} className="row">
                <div style={{ flex: "1 1 320px" }}>
                  <strong>{c.name}</strong>
                  <div className="small muted">
                    {c.referentialVersion.title} · du {dateFr.format(c.opensOn)} au {dateFr.format(c.closesOn)}
                  </div>
                </div>
                <span className="spacer" />
                <AssessmentStatusBadge status={c.assessment?.status ?? null} />
                {c.assessment ? (
                  <Link
                    className="btn btn-small"
                    href={`/establishments/${establishment.id}/assessments/${c.assessment.id}`}
                  >
                    Ouvrir
                  </Link>
                ) : isDirector ? (
                  <CommandButton
                    url="/api/assessments"
                    body={{ campaignId: c.id, establishmentId: establishment.id, carryForward: true }}
                    label="Commencer l'évaluation"
                    busyLabel="Préparation…"
                    className="btn btn-small"
                    redirectTo={`/establishments/${establishment.id}/assessments/{id}`}
                  />
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
