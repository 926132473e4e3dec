import type { Metadata } from "next";
import Link from "next/link";
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
      <div className="page-header">
        <p className="breadcrumb">
          <Link href="/">Accueil</Link> › <Link href="/admin">Administration</Link> › Financements
        </p>
        <h1>Paramètres de financement</h1>
        <p>
          Les montants en jeu que voient les établissements sur leurs résultats : une enveloppe par région, ou un
          montant propre à un établissement, pour une campagne. Sans paramètre, aucun chiffre n&apos;est affiché.
        </p>
      </div>
      <FundingAdmin view={view} />
    </div>
  );
}
