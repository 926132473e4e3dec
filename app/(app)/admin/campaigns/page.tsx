import type { Metadata } from "next";
import Link from "next/link";
import { adminAreaCrumbs } from "@/components/admin/sections";
import { PageHeader } from "@/components/ui/page-header";
import { CampaignTable } from "@/components/campaigns/campaign-table";
import { requireAdmin } from "@/lib/admin/page-guard";
import { listAdminCampaigns } from "@/lib/campaigns/queries";
import { db } from "@/lib/core/db";

export const metadata: Metadata = { title: "Campagnes · Administration" };

export default async function AdminCampaignsPage() {
  const actor = await requireAdmin();
  const rows = await listAdminCampaigns(db, actor);
  return (
    <div className="stack">
      <PageHeader
        crumbs={adminAreaCrumbs("/admin/campaigns")}
        title="Campagnes"
        actions={
          <Link className="btn" href="/admin/campaigns/new">
            Nouvelle campagne
          </Link>
        }
      >
        <p>
          Une campagne ouvre l&apos;évaluation d&apos;une version de référentiel pour une liste d&apos;établissements,
          entre deux dates. Dès qu&apos;un établissement a commencé, la version ne change plus.
        </p>
      </PageHeader>
      {rows.length === 0 ? (
        <div className="card empty">
          <strong>Aucune campagne n&apos;est encore ouverte.</strong>
          Créez la première campagne en choisissant une version de référentiel et les établissements concernés.
        </div>
      ) : (
        <CampaignTable rows={rows} />
      )}
    </div>
  );
}
