import Link from "next/link";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/core/db";
import { listEstablishments } from "@/lib/establishments/queries";
import { can } from "@/lib/auth/scope";
import { getRegionOrThrow, listComparableCampaigns } from "@/lib/region/queries";
import { CampaignList } from "@/components/region/campaign-list";
import { EstablishmentTable } from "@/components/establishments/establishment-table";

export async function RegionHome({ actor, regionId }: Readonly<{ actor: Actor; regionId: string }>) {
  const region = await getRegionOrThrow(db, actor, regionId);
  const establishments = await listEstablishments(db, actor, { regionId });
  const campaigns = can(actor, "comparison.read") ? await listComparableCampaigns(db, actor, { regionId }) : [];
  return (
    <section className="stack" aria-labelledby={`region-${region.id}`}>
      <div className="row">
        <h2 id={`region-${region.id}`} style={{ margin: 0 }}>
          Délégation régionale — {region.name}
        </h2>
        <span className="spacer" />
        <Link className="btn btn-secondary btn-small" href={`/region/${region.id}`}>
          Vue régionale
        </Link>
      </div>
      <div className="grid">
        <div className="card">
          <div className="stat">{establishments.length}</div>
          <div className="stat-label">établissements membres</div>
        </div>
        <div className="card">
          <div className="stat">{region.ghts.length}</div>
          <div className="stat-label">GHT</div>
        </div>
        <div className="card">
          <div className="stat">{region.departements.length}</div>
          <div className="stat-label">départements</div>
        </div>
      </div>
      {campaigns.length > 0 ? (
        <>
          <h3 style={{ margin: 0 }}>Comparer les membres, campagne par campagne</h3>
          <CampaignList campaigns={campaigns} basePath={`/region/${region.id}`} />
        </>
      ) : null}
      <EstablishmentTable
        rows={establishments}
        caption={`Établissements de la région ${region.name}`}
        emptyText="Aucun établissement n'est rattaché à cette région."
      />
    </section>
  );
}
