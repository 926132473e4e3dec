import Link from "next/link";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/core/db";
import { getGhtOrThrow } from "@/lib/ght/queries";
import { can } from "@/lib/auth/scope";
import { listComparableCampaigns } from "@/lib/region/queries";
import { CampaignList } from "@/components/region/campaign-list";
import { GhtMemberTable } from "@/components/ght/ght-member-table";

export async function GhtHome({ actor, ghtId }: Readonly<{ actor: Actor; ghtId: string }>) {
  const ght = await getGhtOrThrow(db, actor, ghtId);
  const campaigns = can(actor, "comparison.read") ? await listComparableCampaigns(db, actor, { ghtId: ght.id }) : [];
  return (
    <section className="stack" aria-labelledby={`ght-${ght.id}`}>
      <div className="row">
        <h2 id={`ght-${ght.id}`} style={{ margin: 0 }}>
          Coordination — {ght.name}
        </h2>
        <span className="spacer" />
        <Link className="btn btn-secondary btn-small" href={`/ght/${ght.id}`}>
          Vue du GHT
        </Link>
      </div>
      <p className="muted" style={{ margin: 0 }}>
        {ght.members.length} établissements membres · établissement support :{" "}
        {ght.supportEstablishment?.name ?? "non désigné"} · {ght.region.name}
      </p>
      {campaigns.length > 0 ? (
        <>
          <h3 style={{ margin: 0 }}>Vue consolidée, par campagne</h3>
          <CampaignList campaigns={campaigns} basePath={`/ght/${ght.id}`} />
        </>
      ) : null}
      <GhtMemberTable ght={ght} />
    </section>
  );
}
