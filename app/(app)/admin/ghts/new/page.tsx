import type { Metadata } from "next";
import Link from "next/link";
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
      <div className="page-header">
        <p className="breadcrumb">
          <Link href="/admin">Administration</Link> › <Link href="/admin/ghts">GHT</Link> › Nouveau
        </p>
        <h1>Nouveau GHT</h1>
        <p>L&apos;établissement support est choisi dans la région du GHT, parmi les établissements sans GHT.</p>
      </div>
      <div className="card">
        <GhtForm regions={regions} establishments={establishments} />
      </div>
    </div>
  );
}
