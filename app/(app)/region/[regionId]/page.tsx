import Link from "next/link";
import { HOME_CRUMB, PageHeader } from "@/components/ui/page-header";
import { EstablishmentTable } from "@/components/establishments/establishment-table";
import { requireActor } from "@/lib/auth/current";
import { can } from "@/lib/auth/scope";
import { db } from "@/lib/core/db";
import { orNotFound } from "@/lib/core/or-not-found";
import { listEstablishments } from "@/lib/establishments/queries";
import { getRegionOrThrow, listComparableCampaigns } from "@/lib/region/queries";
import { CampaignList } from "@/components/region/campaign-list";

export default async function RegionPage({ params }: Readonly<{ params: Promise<{ regionId: string }> }>) {
  const { regionId } = await params;
  const actor = await requireActor();
  const region = await orNotFound(getRegionOrThrow(db, actor, regionId));
  const establishments = await listEstablishments(db, actor, { regionId: region.id });
  const campaigns = can(actor, "comparison.read")
    ? await listComparableCampaigns(db, actor, { regionId: region.id })
    : [];
  return (
    <div className="stack">
      <PageHeader crumbs={[HOME_CRUMB, { label: "Régions" }]} title={region.name}>
        <p>{region.departements.map((d) => `${d.name} (${d.code})`).join(" · ")}</p>
      </PageHeader>
      {can(actor, "region.funding") ? (
        <p style={{ margin: 0 }}>
          <Link className="btn btn-secondary btn-small" href={`/region/${region.id}/funding`}>
            Hypothèses de financement de la région
          </Link>
        </p>
      ) : null}
      {campaigns.length > 0 ? (
        <>
          <h2>Comparaison des membres par campagne</h2>
          <CampaignList campaigns={campaigns} basePath={`/region/${region.id}`} />
        </>
      ) : null}
      <h2>GHT de la région</h2>
      {region.ghts.length === 0 ? (
        <p className="muted">Aucun GHT n&apos;est enregistré pour cette région.</p>
      ) : (
        <div className="grid">
          {region.ghts.map((g) => (
            <Link key={g.id} href={`/ght/${g.id}`} className="card card-link">
              <span className="card-title">{g.name}</span>
              <p className="muted small" style={{ margin: 0 }}>
                {g._count.members} établissements
              </p>
            </Link>
          ))}
        </div>
      )}
      <h2>Établissements</h2>
      <EstablishmentTable
        rows={establishments}
        caption={`Établissements de ${region.name}`}
        emptyText="Aucun établissement n'est rattaché à cette région."
      />
    </div>
  );
}
