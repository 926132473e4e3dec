import type { Metadata } from "next";
import Link from "next/link";
import { adminAreaCrumbs } from "@/components/admin/sections";
import { PageHeader } from "@/components/ui/page-header";
import { roleLabel, scopeLabel } from "@/components/admin/membership-label";
import { ActiveBadge } from "@/components/admin/status-badge";
import { requireAdmin } from "@/lib/admin/page-guard";
import { listAdminUsers } from "@/lib/admin/queries";
import { db } from "@/lib/core/db";
import { DataTable } from "@/components/ui/data-table";

export const metadata: Metadata = { title: "Comptes · Administration" };

export default async function AdminUsersPage() {
  const actor = await requireAdmin();
  const users = await listAdminUsers(db, actor);
  return (
    <div className="stack">
      <PageHeader
        crumbs={adminAreaCrumbs("/admin/users")}
        title="Comptes"
        actions={
          <Link className="btn" href="/admin/users/new">
            Inviter une personne
          </Link>
        }
      />
      {users.length === 0 ? (
        <div className="card empty">
          <strong>Aucun compte.</strong>
          Créez un compte, puis attribuez-lui un rôle.
        </div>
      ) : (
        <DataTable
          caption="Comptes de la plateforme et leurs rôles"
          head={
            <>
              <th scope="col">Nom</th>
              <th scope="col">Adresse électronique</th>
              <th scope="col">Rôles</th>
              <th scope="col">État</th>
            </>
          }
        >
          {users.map((u) => (
            <tr key={u.id}>
              <td>
                <Link href={`/admin/users/${u.id}`}>{u.name}</Link>
                {u.isDemo ? (
                  <span className="badge badge-grey" style={{ marginLeft: 8 }}>
                    Démo
                  </span>
                ) : null}
                {u.title ? <div className="muted small">{u.title}</div> : null}
              </td>
              <td>{u.email}</td>
              <td className="small">
                {u.memberships.length === 0 ? (
                  <span className="badge badge-orange">Aucun rôle</span>
                ) : (
                  u.memberships.map((m) => (
                    <div key={m.id}>
                      {roleLabel(m)} · {scopeLabel(m)}
                    </div>
                  ))
                )}
              </td>
              <td>
                <ActiveBadge disabled={u.disabled} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
