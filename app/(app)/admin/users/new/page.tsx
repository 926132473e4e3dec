import type { Metadata } from "next";
import { adminItemCrumbs } from "@/components/admin/sections";
import { PageHeader } from "@/components/ui/page-header";
import { roleScopeChoices } from "@/components/admin/membership-label";
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
      <PageHeader crumbs={adminItemCrumbs("/admin/users", "Inviter")} title="Inviter une personne">
        <p>D&apos;autres rôles peuvent être ajoutés ensuite sur la fiche du compte.</p>
      </PageHeader>
      <div className="card">
        <InvitationForm choices={roleScopeChoices(options)} />
      </div>
    </div>
  );
}
