import Link from "next/link";
import { EstablishmentTable } from "@/components/establishments/establishment-table";
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
  const rows = ght.members.map((m) => ({
    ...m,
    ght: { id: ght.id, name: ght.name, supportEstablishmentId: ght.supportEstablishment?.id ?? null },
  }));
  const campaigns = can(actor, "comparison.read") ? await listComparableCampaigns(db, actor, { ghtId: ght.id }) : [];
  const totalActivity = ght.members.reduce((sum, m) => sum + (m.annualActivity ?? 0), 0);
  return (
    <div className="stack">
      <div className="page-header">
        <p className="breadcrumb">
          <Link href="/">Accueil</Link> › {ght.region.name}
        </p>
        <h1>{ght.name}</h1>
        <p>Établissement support : {ght.supportEstablishment?.name ?? "non désigné"}</p>
      </div>
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
      <EstablishmentTable
        rows={rows}
        caption={`Membres du ${ght.name}`}
        showGht={false}
        emptyText="Ce GHT n'a pas encore de membre."
      />
    </div>
  );
}
