import type { Metadata } from "next";
import Link from "next/link";
import { adminItemCrumbs } from "@/components/admin/sections";
import { PageHeader } from "@/components/ui/page-header";
import { CampaignForm } from "@/components/campaigns/campaign-form";
import { requireAdmin } from "@/lib/admin/page-guard";
import { listEstablishmentChoices } from "@/lib/campaigns/queries";
import { db } from "@/lib/core/db";
import { listVersionOptions } from "@/lib/referentials/queries";

export const metadata: Metadata = { title: "Nouvelle campagne · Administration" };

export default async function NewCampaignPage() {
  const actor = await requireAdmin();
  const [versions, regions] = await Promise.all([listVersionOptions(db, actor), listEstablishmentChoices(db, actor)]);
  const defaults = {
    name: "",
    year: new Date().getFullYear(),
    referentialVersionId: "",
    opensOn: "",
    closesOn: "",
    establishmentIds: [],
  };
  return (
    <div className="stack">
      <PageHeader crumbs={adminItemCrumbs("/admin/campaigns", "Nouvelle")} title="Nouvelle campagne">
        <p>Choisissez la version du référentiel évaluée, les dates et les établissements concernés.</p>
      </PageHeader>
      {versions.length === 0 ? (
        <div className="alert alert-warning" role="status">
          <p style={{ margin: 0 }}>
            Aucune version de référentiel n&apos;est chargée :{" "}
            <Link href="/admin/referentials">chargez un référentiel</Link> avant de créer une campagne.
          </p>
        </div>
      ) : (
        <div className="card">
          <CampaignForm defaults={defaults} versions={versions} regions={regions} />
        </div>
      )}
    </div>
  );
}
