import Link from "next/link";
import { HOME_CRUMB, PageHeader } from "@/components/ui/page-header";
import { AssessmentStatusBadge } from "@/components/assessments/status-badge";
import { CATEGORY_LABELS, formatInteger } from "@/components/establishments/labels";
import { listEstablishmentCampaigns } from "@/lib/assessments/queries";
import { requireActor } from "@/lib/auth/current";
import { can } from "@/lib/auth/scope";
import { db } from "@/lib/core/db";
import { orNotFound } from "@/lib/core/or-not-found";
import { getEstablishmentOrThrow } from "@/lib/establishments/queries";
import { DataTable } from "@/components/ui/data-table";
import { getSignInPolicy } from "@/lib/establishments/sign-in-policy";
import { SignInPolicyForm } from "@/components/establishments/sign-in-policy-form";

export default async function EstablishmentPage({
  params,
}: Readonly<{ params: Promise<{ establishmentId: string }> }>) {
  const { establishmentId } = await params;
  const actor = await requireActor();
  const establishment = await orNotFound(getEstablishmentOrThrow(db, actor, establishmentId));
  const campaigns = await listEstablishmentCampaigns(db, actor, establishment.id);
  const canSeeInventory = can(actor, "evidence.read", { establishmentId: establishment.id });
  const policy = can(actor, "establishment.sign_in_policy", { establishmentId: establishment.id })
    ? await getSignInPolicy(db, actor, establishment.id)
    : null;
  return (
    <div className="stack">
      <PageHeader crumbs={[HOME_CRUMB, { label: establishment.region.name }]} title={establishment.name}>
        <p>
          {CATEGORY_LABELS[establishment.category]} · {establishment.departement.name} ({establishment.departementCode})
        </p>
      </PageHeader>
      <div className="grid">
        <div className="card">
          <div className="stat-label">FINESS (entité juridique)</div>
          <div className="stat" style={{ fontSize: "1.5rem" }}>
            {establishment.finess}
          </div>
        </div>
        <div className="card">
          <div className="stat-label">GHT</div>
          <div style={{ fontWeight: 700, fontSize: "1.1rem" }}>
            {establishment.ght ? establishment.ght.name : "Hors GHT"}
            {establishment.ght?.supportEstablishmentId === establishment.id ? (
              <span className="badge" style={{ marginLeft: 8 }}>
                Support
              </span>
            ) : null}
          </div>
        </div>
        <div className="card">
          <div className="stat-label">Activité annuelle (séjours)</div>
          <div className="stat" style={{ fontSize: "1.5rem" }}>
            {formatInteger(establishment.annualActivity)}
          </div>
        </div>
      </div>
      {can(actor, "establishment.invite", { establishmentId: establishment.id }) ? (
        <Link href={`/establishments/${establishment.id}/invitations`} className="card card-link">
          <span className="card-title">Contributeurs</span>
          <p className="muted small" style={{ margin: "0.25rem 0 0" }}>
            Invitez la DSI, le RSSI, le DPO : chacun active son compte par un lien personnel.
          </p>
        </Link>
      ) : null}
      {canSeeInventory ? (
        <Link href={`/establishments/${establishment.id}/inventory`} className="card card-link">
          <span className="card-title">Inventaire des applications</span>
          <p className="muted small" style={{ margin: "0.25rem 0 0" }}>
            Les applications de l&apos;établissement : il calcule les indicateurs « part des applications » (identités,
            mouvements, authentification).
          </p>
        </Link>
      ) : null}
      {policy ? (
        <section className="card stack" aria-labelledby="sign-in-policy-title" data-testid="sign-in-policy">
          <h2 id="sign-in-policy-title" style={{ margin: 0 }}>
            Connexion des comptes de l&apos;établissement
          </h2>
          <p className="muted small" style={{ margin: 0 }}>
            Cette règle s&apos;applique à chaque personne rattachée à l&apos;établissement (direction et contributeurs).
            Une personne rattachée à plusieurs établissements suit la règle la plus stricte.
          </p>
          {!policy.applied ? (
            <div className="alert alert-error" role="status">
              <p style={{ margin: 0 }}>
                La règle enregistrée ne peut pas être appliquée sur cette installation (courriel ou fournisseur
                d&apos;identité non configuré) : les comptes se connectent pour l&apos;instant avec leur seul mot de
                passe.
              </p>
            </div>
          ) : null}
          <SignInPolicyForm establishmentId={establishment.id} current={policy.signInPolicy} setup={policy.setup} />
        </section>
      ) : null}
      <div className="card">
        <h2>Campagnes</h2>
        {campaigns.length === 0 ? (
          <p className="muted" style={{ margin: 0 }}>
            Aucune campagne n&apos;est ouverte pour cet établissement.
          </p>
        ) : (
          <DataTable
            head={
              <>
                <th scope="col">Campagne</th>
                <th scope="col">Référentiel</th>
                <th scope="col">État</th>
              </>
            }
          >
            {campaigns.map((c) => (
              <tr key={c.id}>
                <td>
                  {c.assessment ? (
                    <Link href={`/establishments/${establishment.id}/assessments/${c.assessment.id}`}>{c.name}</Link>
                  ) : (
                    c.name
                  )}
                </td>
                <td>
                  {c.referentialVersion.title} <span className="muted">v{c.referentialVersion.version}</span>
                </td>
                <td>
                  <AssessmentStatusBadge status={c.assessment?.status ?? null} />
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </div>
    </div>
  );
}
