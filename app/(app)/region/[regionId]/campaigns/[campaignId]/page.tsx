import type { Metadata } from "next";
import { CampaignComparisonView } from "@/components/region/campaign-comparison";
import { ExportLinks } from "@/components/region/export-links";
import { requireActor } from "@/lib/auth/current";
import { db } from "@/lib/core/db";
import { orNotFound } from "@/lib/core/or-not-found";
import { getCampaignComparison } from "@/lib/region/campaign-view";
import { parseViewQuery } from "@/lib/region/view-query";

export const metadata: Metadata = { title: "Comparaison régionale" };

type Props = Readonly<{
  params: Promise<{ regionId: string; campaignId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}>;

export default async function RegionCampaignPage({ params, searchParams }: Props) {
  const { regionId, campaignId } = await params;
  const raw = await searchParams;
  const actor = await requireActor();
  const query = parseViewQuery(raw);
  const view = await orNotFound(getCampaignComparison(db, actor, { kind: "region", id: regionId }, campaignId, query));
  const flat = Object.fromEntries(Object.entries(raw).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : [])));
  return (
    <>
      <CampaignComparisonView
        view={view}
        basePath={`/region/${view.place.id}/campaigns/${view.campaign.id}`}
        query={flat}
      />
      <ExportLinks apiBase={`/api/region/${view.place.id}/campaigns/${view.campaign.id}`} query={flat} />
    </>
  );
}
