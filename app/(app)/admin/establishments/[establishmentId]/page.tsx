import type { Metadata } from "next";
import { adminItemCrumbs } from "@/components/admin/sections";
import { PageHeader } from "@/components/ui/page-header";
import { EstablishmentForm } from "@/components/admin/establishment-form";
import { EstablishmentStatusButton } from "@/components/admin/establishment-status-button";
import { ActiveBadge } from "@/components/admin/status-badge";
import { requireAdmin } from "@/lib/admin/page-guard";
import { getAdminEstablishment, getAdminOptions } from "@/lib/admin/queries";
import { db } from "@/lib/core/db";
import { orNotFound } from "@/lib/core/or-not-found";

export const metadata: Metadata = { title: "Établissement · Administration" };

type Props = Readonly<{ params: Promise<{ establishmentId: string }> }>;

export default async function EditEstablishmentPage({ params }: Props) {
  const { establishmentId } = await params;
  const actor = await requireAdmin();
  const [establishment, { regions, departements, ghts }] = await Promise.all([
    orNotFound(getAdminEstablishment(db, actor, establishmentId)),
    getAdminOptions(db, actor),
  ]);
  const defaults = {
    finess: establishment.finess,
    name: establishment.name,
    category: establishment.category,
    departementCode: establishment.departementCode,
    ghtId: establishment.ghtId,
    annualActivity: establishment.annualActivity,
  };
  return (
    <div className="stack">
      <PageHeader
        crumbs={adminItemCrumbs("/admin/establishments", establishment.name)}
        title={establishment.name}
        badges={<ActiveBadge disabled={establishment.disabled} />}
      >
        <p>
          {establishment.region.name} · {establishment._count.memberships} compte(s) rattaché(s) ·{" "}
          {establishment._count.assessments} évaluation(s)
          {establishment.supportOf ? ` · support du ${establishment.supportOf.name}` : ""}
        </p>
      </PageHeader>
      <div className="card">
        <h2>Identité</h2>
        <EstablishmentForm
          establishmentId={establishment.id}
          defaults={defaults}
          regions={regions}
          departements={departements}
          ghts={ghts}
        />
      </div>
      <div className="card">
        <h2>{establishment.disabled ? "Réactivation" : "Désactivation"}</h2>
        <p className="muted">
          {establishment.disabled
            ? "Cet établissement est désactivé : ses membres n'y ont plus accès. Le réactiver leur rend l'accès."
            : "Désactiver retire l'accès à ses membres sans rien supprimer : évaluations, pièces et historique sont conservés."}
        </p>
        <EstablishmentStatusButton
          establishmentId={establishment.id}
          name={establishment.name}
          disabled={establishment.disabled}
        />
      </div>
    </div>
  );
}
