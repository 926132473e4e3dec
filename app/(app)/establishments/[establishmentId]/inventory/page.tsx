import type { Metadata } from "next";
import { establishmentCrumbs } from "@/components/establishments/crumbs";
import { PageHeader } from "@/components/ui/page-header";
import { ImportPanel } from "@/components/inventory/import-panel";
import { IndicatorCards } from "@/components/inventory/indicator-cards";
import { InventoryTable } from "@/components/inventory/inventory-table";
import { requireActor } from "@/lib/auth/current";
import { db } from "@/lib/core/db";
import { orNotFound } from "@/lib/core/or-not-found";
import { getInventory } from "@/lib/inventory/queries";

export const metadata: Metadata = { title: "Inventaire des applications" };

/**
 * The application inventory: the three computed indicators, the list, and (for the director and
 * the DSI) add / edit / delete and CSV import. Other members of the establishment read it;
 * anyone else gets the 404 page.
 */
export default async function InventoryPage({ params }: Readonly<{ params: Promise<{ establishmentId: string }> }>) {
  const { establishmentId } = await params;
  const actor = await requireActor();
  const { establishment, applications, indicators, canEdit } = await orNotFound(
    getInventory(db, actor, establishmentId),
  );
  const base = `/api/establishments/${establishment.id}/inventory`;
  return (
    <div className="stack">
      <PageHeader
        crumbs={establishmentCrumbs(establishment, "Inventaire des applications")}
        title="Inventaire des applications"
      >
        <p>
          Une ligne par application, avec les domaines fonctionnels qu&apos;elle couvre. L&apos;inventaire calcule les
          indicateurs « part des applications » du questionnaire ; une évaluation soumise en garde une copie figée.
        </p>
      </PageHeader>

      {canEdit ? null : (
        <div className="alert" role="note">
          <p style={{ margin: 0 }}>
            Lecture seule : la direction et la DSI de l&apos;établissement tiennent l&apos;inventaire à jour.
          </p>
        </div>
      )}

      <IndicatorCards indicators={indicators} />

      <div className="row">
        <a className="btn btn-secondary" href={`${base}/export`} download>
          Exporter l&apos;inventaire (CSV)
        </a>
        {canEdit ? (
          <a className="btn btn-secondary" href={`${base}/template`} download>
            Télécharger le modèle CSV
          </a>
        ) : null}
      </div>

      <InventoryTable establishmentId={establishment.id} applications={applications} canEdit={canEdit} />

      {canEdit ? <ImportPanel establishmentId={establishment.id} currentCount={applications.length} /> : null}
    </div>
  );
}
