import type { Metadata } from "next";
import { adminItemCrumbs } from "@/components/admin/sections";
import { PageHeader } from "@/components/ui/page-header";
import { RegionForm } from "@/components/admin/region-form";
import { requireAdmin } from "@/lib/admin/page-guard";

export const metadata: Metadata = { title: "Nouvelle région · Administration" };

export default async function NewRegionPage() {
  await requireAdmin();
  return (
    <div className="stack">
      <PageHeader crumbs={adminItemCrumbs("/admin/regions", "Nouvelle")} title="Nouvelle région">
        <p>Les 18 régions sont déjà chargées : n&apos;en créez une que si la carte administrative change.</p>
      </PageHeader>
      <div className="card">
        <RegionForm />
      </div>
    </div>
  );
}
