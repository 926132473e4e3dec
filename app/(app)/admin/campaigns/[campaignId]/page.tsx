import type { Metadata } from "next";
import Link from "next/link";
import { adminItemCrumbs } from "@/components/admin/sections";
import { PageHeader } from "@/components/ui/page-header";
import { CampaignForm } from "@/components/campaigns/campaign-form";
import { requireAdmin } from "@/lib/admin/page-guard";
import { getAdminCampaign, listEstablishmentChoices } from "@/lib/campaigns/queries";
import { db } from "@/lib/core/db";
import { orNotFound } from "@/lib/core/or-not-found";
import { listVersionOptions } from "@/lib/referentials/queries";

export const metadata: Metadata = { title: "Campagne · Administration" };

type Props = Readonly<{ params: Promise<{ campaignId: string }> }>;

export default async function EditCampaignPage({ params }: Props) {
  const { campaignId } = await params;
  const actor = await requireAdmin();
  const campaign = await orNotFound(getAdminCampaign(db, actor, campaignId));
  const [versions, regions] = await Promise.all([
    listVersionOptions(db, actor),
    listEstablishmentChoices(db, actor, campaign.establishmentIds),
  ]);
  const { id, startedEstablishmentIds, ...defaults } = campaign;
  const started = startedEstablishmentIds.length;
  return (
    <div className="stack">
      <PageHeader crumbs={adminItemCrumbs("/admin/campaigns", campaign.name)} title={campaign.name}>
        <p>
          {campaign.establishmentIds.length} établissement{campaign.establishmentIds.length > 1 ? "s" : ""} ·{" "}
          {started === 0
            ? "aucune évaluation commencée"
            : `${started} évaluation${started > 1 ? "s" : ""} commencée${started > 1 ? "s" : ""}`}{" "}
          · <Link href={`/admin/referentials/${campaign.referentialVersionId}`}>voir la version du référentiel</Link>
        </p>
      </PageHeader>
      <div className="card">
        <CampaignForm
          campaignId={id}
          defaults={defaults}
          versions={versions}
          regions={regions}
          startedEstablishmentIds={startedEstablishmentIds}
        />
      </div>
    </div>
  );
}
