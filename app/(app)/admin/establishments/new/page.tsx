import type { Metadata } from "next";
import Link from "next/link";
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
      <div className="page-header">
        <p className="breadcrumb">
          <Link href="/admin">Administration</Link> › <Link href="/admin/establishments">Établissements</Link> › Nouveau
        </p>
        <h1>Nouvel établissement</h1>
        <p>La région découle du département ; le FINESS commence par le code du département (« 97 » outre-mer).</p>
      </div>
      <div className="card">
        <EstablishmentForm regions={regions} departements={departements} ghts={ghts} />
      </div>
    </div>
  );
}
