import type { Metadata } from "next";
import { adminItemCrumbs } from "@/components/admin/sections";
import { PageHeader } from "@/components/ui/page-header";
import { RegionNameForm } from "@/components/admin/region-name-form";
import { requireAdmin } from "@/lib/admin/page-guard";
import { getAdminRegion } from "@/lib/admin/queries";
import { db } from "@/lib/core/db";
import { orNotFound } from "@/lib/core/or-not-found";

export const metadata: Metadata = { title: "Région · Administration" };

export default async function EditRegionPage({ params }: Readonly<{ params: Promise<{ regionId: string }> }>) {
  const { regionId } = await params;
  const actor = await requireAdmin();
  const region = await orNotFound(getAdminRegion(db, actor, regionId));
  return (
    <div className="stack">
      <PageHeader crumbs={adminItemCrumbs("/admin/regions", region.name)} title={region.name}>
        <p>Code INSEE {region.code}</p>
      </PageHeader>
      <div className="card">
        <h2>Nom</h2>
        <RegionNameForm regionId={region.id} name={region.name} />
      </div>
      <div className="card">
        <h2>Départements</h2>
        {region.departements.length === 0 ? (
          <p className="muted" style={{ margin: 0 }}>
            Aucun département n&apos;est rattaché à cette région.
          </p>
        ) : (
          <ul style={{ margin: 0 }}>
            {region.departements.map((d) => (
              <li key={d.code}>
                {d.name} ({d.code})
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
