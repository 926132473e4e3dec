import type { Metadata } from "next";
import Link from "next/link";
import { UserCreateForm } from "@/components/admin/user-create-form";
import { requireAdmin } from "@/lib/admin/page-guard";

export const metadata: Metadata = { title: "Nouveau compte · Administration" };

export default async function NewUserPage() {
  await requireAdmin();
  return (
    <div className="stack">
      <div className="page-header">
        <p className="breadcrumb">
          <Link href="/admin">Administration</Link> › <Link href="/admin/users">Comptes</Link> › Nouveau
        </p>
        <h1>Nouveau compte</h1>
        <p>Après la création, attribuez un ou plusieurs rôles sur la fiche du compte.</p>
      </div>
      <div className="card">
        <UserCreateForm />
      </div>
    </div>
  );
}
