import type { Metadata } from "next";
import Link from "next/link";
import { HOME_CRUMB, PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/current";
import { db } from "@/lib/core/db";
import { orNotFound } from "@/lib/core/or-not-found";
import { formatDateTime } from "@/lib/dossier/format";
import { listRegionDossiers } from "@/lib/dossier/queries";
import { DataTable } from "@/components/ui/data-table";

export const metadata: Metadata = { title: "Dossiers soumis" };

/** The ARS reviewer's list of the submitted dossiers of their region; 404 for anyone else. */
export default async function ArsDossiersPage({ params }: Readonly<{ params: Promise<{ regionId: string }> }>) {
  const { regionId } = await params;
  const actor = await requireActor();
  const { region, dossiers } = await orNotFound(listRegionDossiers(db, actor, regionId));
  return (
    <div className="stack">
      <PageHeader crumbs={[HOME_CRUMB, { label: "ARS" }]} title={<>Dossiers soumis — {region.name}</>}>
        <p>
          Les dossiers de conformité déposés par les établissements de la région. Chaque dossier porte un code de
          vérification : <Link href="/verifier">vérifier un dossier reçu</Link>.
        </p>
      </PageHeader>
      <DataTable
        caption={<>Dossiers soumis par les établissements de {region.name}</>}
        head={
          <>
            <th scope="col">Établissement</th>
            <th scope="col">Campagne</th>
            <th scope="col">Soumis le</th>
            <th scope="col">Code de vérification</th>
            <th scope="col">
              <span className="visually-hidden">Télécharger</span>
            </th>
          </>
        }
      >
        {dossiers.length === 0 ? (
          <tr>
            <td colSpan={5} className="empty">
              <strong>Aucun dossier soumis</strong>
              Les dossiers apparaîtront ici dès qu&apos;un établissement de la région aura soumis son évaluation.
            </td>
          </tr>
        ) : (
          dossiers.map((d) => (
            <tr key={d.assessmentId}>
              <td>
                <strong>{d.establishment.name}</strong>
                <div className="small muted">FINESS {d.establishment.finess}</div>
              </td>
              <td>
                {d.campaign.name}
                <div className="small muted">
                  Révision {d.revision}
                  {d.superseded ? (
                    <span className="badge badge-grey" style={{ marginLeft: 6 }}>
                      Remplacée par une révision
                    </span>
                  ) : null}
                </div>
              </td>
              <td>{formatDateTime(d.submittedAt)}</td>
              <td className="small">
                {d.verificationCode ? (
                  <span style={{ fontWeight: 600, letterSpacing: "0.05em" }}>{d.verificationCode}</span>
                ) : (
                  <span className="muted">Émis au premier téléchargement</span>
                )}
              </td>
              <td>
                <a
                  className="btn btn-small"
                  href={`/api/assessments/${encodeURIComponent(d.assessmentId)}/dossier`}
                  download
                >
                  Télécharger le PDF
                  <span className="visually-hidden">
                    {" "}
                    de {d.establishment.name}, {d.campaign.name}
                  </span>
                </a>
              </td>
            </tr>
          ))
        )}
      </DataTable>
    </div>
  );
}
