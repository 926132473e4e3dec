import type { Metadata } from "next";
import { adminItemCrumbs } from "@/components/admin/sections";
import { PageHeader } from "@/components/ui/page-header";
import { GhtForm } from "@/components/admin/ght-form";
import { requireAdmin } from "@/lib/admin/page-guard";
import { getAdminOptions } from "@/lib/admin/queries";
import { db } from "@/lib/core/db";

export const metadata: Metadata = { title: "Nouveau GHT · Administration" };

export default async function NewGhtPage() {
  const actor = await requireAdmin();
  const { regions, establishments } = await getAdminOptions(db, actor);
  return (
    <div className="stack">
      <PageHeader crumbs={adminItemCrumbs("/admin/ghts", "Nouveau")} title="Nouveau GHT">
        <p>L&apos;établissement support est choisi dans la région du GHT, parmi les établissements sans GHT.</p>
      </PageHeader>
      <div className="card">
        <GhtForm regions={regions} establishments={establishments} />
      </div>
    </div>
  );
}
