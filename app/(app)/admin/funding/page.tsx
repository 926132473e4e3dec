import type { Metadata } from "next";
import { adminAreaCrumbs } from "@/components/admin/sections";
import { PageHeader } from "@/components/ui/page-header";
import { FundingAdmin } from "@/components/funding/funding-admin";
import { requireAdmin } from "@/lib/admin/page-guard";
import { db } from "@/lib/core/db";
import { getFundingAdminView } from "@/lib/funding/queries";

export const metadata: Metadata = { title: "Financements · Administration" };

export default async function AdminFundingPage() {
  const actor = await requireAdmin();
  const view = await getFundingAdminView(db, actor);
  return (
    <div className="stack">
      <PageHeader crumbs={adminAreaCrumbs("/admin/funding")} title="Paramètres de financement">
        <p>
          Les montants en jeu que voient les établissements sur leurs résultats : une enveloppe par région, ou un
          montant propre à un établissement, pour une campagne. Sans paramètre, aucun chiffre n&apos;est affiché.
        </p>
      </PageHeader>
      <FundingAdmin view={view} />
    </div>
  );
}
