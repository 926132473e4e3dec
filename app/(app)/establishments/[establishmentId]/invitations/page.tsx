import type { Metadata } from "next";
import { establishmentCrumbs } from "@/components/establishments/crumbs";
import { PageHeader } from "@/components/ui/page-header";
import { FUNCTION_OPTIONS } from "@/components/admin/membership-label";
import { ContributorInvitationForm } from "@/components/invitations/contributor-invitation-form";
import { AccessStatusBadge } from "@/components/invitations/access-status";
import { FUNCTION_LABELS } from "@/lib/auth/describe";
import { requireActor } from "@/lib/auth/current";
import { db } from "@/lib/core/db";
import { orNotFound } from "@/lib/core/or-not-found";
import { listEstablishmentPeople } from "@/lib/invitations/queries";
import { DataTable } from "@/components/ui/data-table";

export const metadata: Metadata = { title: "Contributeurs" };

export default async function EstablishmentPeoplePage({
  params,
}: Readonly<{ params: Promise<{ establishmentId: string }> }>) {
  const { establishmentId } = await params;
  const actor = await requireActor();
  const { establishment, people } = await orNotFound(listEstablishmentPeople(db, actor, establishmentId));
  return (
    <div className="stack">
      <PageHeader crumbs={establishmentCrumbs(establishment, "Contributeurs")} title="Contributeurs">
        <p>
          Invitez la DSI, le RSSI, le DPO ou la référente identitovigilance : vous leur confierez ensuite des sections
          de l&apos;évaluation.
        </p>
      </PageHeader>
      <div className="card">
        <h2>Inviter un contributeur</h2>
        <ContributorInvitationForm establishmentId={establishment.id} functions={FUNCTION_OPTIONS} />
      </div>
      <div className="card">
        <h2>Contributeurs de l&apos;établissement</h2>
        {people.length === 0 ? (
          <p className="muted">Aucun contributeur pour l&apos;instant.</p>
        ) : (
          <DataTable
            caption={<>Contributeurs de {establishment.name}</>}
            head={
              <>
                <th scope="col">Nom</th>
                <th scope="col">Fonction</th>
                <th scope="col">Adresse électronique</th>
                <th scope="col">État</th>
              </>
            }
          >
            {people.map((p) => (
              <tr key={p.id}>
                <td>{p.name}</td>
                <td>{p.function ? FUNCTION_LABELS[p.function] : "—"}</td>
                <td>{p.email}</td>
                <td>
                  {p.disabled ? (
                    <span className="badge badge-grey">Désactivé</span>
                  ) : (
                    <AccessStatusBadge status={p.status} />
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </div>
    </div>
  );
}
