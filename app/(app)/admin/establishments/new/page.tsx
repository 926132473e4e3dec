import type { Metadata } from "next";
import { adminItemCrumbs } from "@/components/admin/sections";
import { PageHeader } from "@/components/ui/page-header";
import { EstablishmentForm } from "@/components/admin/establishment-form";
import { requireAdmin } from "@/lib/admin/page-guard";
import { getAdminOptions } from "@/lib/admin/queries";
import { db } from "@/lib/core/db";

export const metadata: Metadata = { title: "Nouvel établissement · Administration" };

export default async function NewEstablishmentPage() {
  const actor = await requireAdmin();
  const { regions, departements, ghts } = await getAdminOptions(db, actor);
  return (
    <div className="stack">
      <PageHeader crumbs={adminItemCrumbs("/admin/establishments", "Nouveau")} title="Nouvel établissement">
        <p>La région découle du département ; le FINESS commence par le code du département (« 97 » outre-mer).</p>
      </PageHeader>
      <div className="card">
        <EstablishmentForm regions={regions} departements={departements} ghts={ghts} />
      </div>
    </div>
  );
}
