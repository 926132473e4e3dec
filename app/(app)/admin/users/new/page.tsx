import type { Metadata } from "next";
import Link from "next/link";
import { FUNCTION_OPTIONS } from "@/components/admin/membership-label";
import { InvitationForm } from "@/components/invitations/invitation-form";
import { requireAdmin } from "@/lib/admin/page-guard";
import { getAdminOptions } from "@/lib/admin/queries";
import { db } from "@/lib/core/db";

export const metadata: Metadata = { title: "Inviter une personne · Administration" };

export default async function NewUserPage() {
  const actor = await requireAdmin();
  const options = await getAdminOptions(db, actor);
  return (
    <div className="stack">
      <div className="page-header">
        <p className="breadcrumb">
          <Link href="/admin">Administration</Link> › <Link href="/admin/users">Comptes</Link> › Inviter
        </p>
        <h1>Inviter une personne</h1>
        <p>D&apos;autres rôles peuvent être ajoutés ensuite sur la fiche du compte.</p>
      </div>
      <div className="card">
        <InvitationForm
          establishments={options.establishments.filter((e) => !e.disabled).map((e) => ({ id: e.id, name: e.name }))}
          ghts={options.ghts.map((g) => ({ id: g.id, name: g.name }))}
          regions={options.regions.map((r) => ({ id: r.id, name: r.name }))}
          functions={FUNCTION_OPTIONS}
        />
      </div>
    </div>
  );
}
