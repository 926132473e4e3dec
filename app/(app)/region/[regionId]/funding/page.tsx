import type { Metadata } from "next";
import { HOME_CRUMB, PageHeader } from "@/components/ui/page-header";
import { FundingAdmin } from "@/components/funding/funding-admin";
import { requireActor } from "@/lib/auth/current";
import { db } from "@/lib/core/db";
import { orNotFound } from "@/lib/core/or-not-found";
import { getFundingAdminView } from "@/lib/funding/queries";
import { getRegionOrThrow } from "@/lib/region/queries";

export const metadata: Metadata = { title: "Financements de la région" };

export default async function RegionFundingPage({ params }: Readonly<{ params: Promise<{ regionId: string }> }>) {
  const { regionId } = await params;
  const actor = await requireActor();
  // "region.funding": the region's delegate and the admin; anyone else gets the 404 page.
  const region = await orNotFound(getRegionOrThrow(db, actor, regionId, "region.funding"));
  const view = await getFundingAdminView(db, actor, region.id);
  return (
    <div className="stack">
      <PageHeader
        crumbs={[HOME_CRUMB, { href: `/region/${region.id}`, label: region.name }, { label: "Financements" }]}
        title={<>Financements en jeu — {region.name}</>}
      >
        <p>
          L&apos;enveloppe de la région pour chaque campagne, ou le montant propre à un établissement. Les
          établissements voient, sur leurs résultats, la part que leurs prérequis manquants retiennent, avec
          l&apos;hypothèse que vous écrivez ici.
        </p>
      </PageHeader>
      <FundingAdmin view={view} regionId={region.id} />
    </div>
  );
}
