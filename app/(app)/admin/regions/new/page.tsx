import type { Metadata } from "next";
import Link from "next/link";
import { RegionForm } from "@/components/admin/region-form";
import { requireAdmin } from "@/lib/admin/page-guard";

export const metadata: Metadata = { title: "Nouvelle région · Administration" };

export default async function NewRegionPage() {
  await requireAdmin();
  return (
    <div className="stack">
      <div className="page-header">
        <p className="breadcrumb">
          <Link href="/admin">Administration</Link> › <Link href="/admin/regions">Régions</Link> › Nouvelle
        </p>
        <h1>Nouvelle région</h1>
        <p>Les 18 régions sont déjà chargées : n&apos;en créez une que si la carte administrative change.</p>
      </div>
      <div className="card">
        <RegionForm />
      </div>
    </div>
  );
}
