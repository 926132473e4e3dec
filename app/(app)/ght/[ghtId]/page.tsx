import { HOME_CRUMB, PageHeader } from "@/components/ui/page-header";
import { GhtMemberTable } from "@/components/ght/ght-member-table";
import { formatInteger } from "@/components/establishments/labels";
import { requireActor } from "@/lib/auth/current";
import { db } from "@/lib/core/db";
import { orNotFound } from "@/lib/core/or-not-found";
import { getGhtOrThrow } from "@/lib/ght/queries";
import { can } from "@/lib/auth/scope";
import { listComparableCampaigns } from "@/lib/region/queries";
import { CampaignList } from "@/components/region/campaign-list";

export default async function GhtPage({ params }: Readonly<{ params: Promise<{ ghtId: string }> }>) {
  const { ghtId } = await params;
  const actor = await requireActor();
  const ght = await orNotFound(getGhtOrThrow(db, actor, ghtId));
  const campaigns = can(actor, "comparison.read") ? await listComparableCampaigns(db, actor, { ghtId: ght.id }) : [];
  const totalActivity = ght.members.reduce((sum, m) => sum + (m.annualActivity ?? 0), 0);
  return (
    <div className="stack">
      <PageHeader crumbs={[HOME_CRUMB, { label: ght.region.name }]} title={ght.name}>
        <p>Établissement support : {ght.supportEstablishment?.name ?? "non désigné"}</p>
      </PageHeader>
      <div className="grid">
        <div className="card">
          <div className="stat">{ght.members.length}</div>
          <div className="stat-label">établissements membres</div>
        </div>
        <div className="card">
          <div className="stat">{formatInteger(totalActivity)}</div>
          <div className="stat-label">séjours par an, cumulés</div>
        </div>
      </div>
      {campaigns.length > 0 ? (
        <>
          <h2>Vue consolidée du GHT, par campagne</h2>
          <CampaignList campaigns={campaigns} basePath={`/ght/${ght.id}`} />
        </>
      ) : null}
      <GhtMemberTable ght={ght} />
    </div>
  );
}
