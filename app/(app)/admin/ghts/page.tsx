import type { Metadata } from "next";
import Link from "next/link";
import { adminAreaCrumbs } from "@/components/admin/sections";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdmin } from "@/lib/admin/page-guard";
import { listAdminGhts } from "@/lib/admin/queries";
import { db } from "@/lib/core/db";
import { DataTable } from "@/components/ui/data-table";

export const metadata: Metadata = { title: "GHT · Administration" };

export default async function AdminGhtsPage() {
  const actor = await requireAdmin();
  const ghts = await listAdminGhts(db, actor);
  return (
    <div className="stack">
      <PageHeader
        crumbs={adminAreaCrumbs("/admin/ghts")}
        title="Groupements hospitaliers de territoire"
        actions={
          <Link className="btn" href="/admin/ghts/new">
            Nouveau GHT
          </Link>
        }
      />
      {ghts.length === 0 ? (
        <div className="card empty">
          <strong>Aucun GHT n&apos;est encore enregistré.</strong>
          Créez un GHT, puis rattachez-y ses établissements.
        </div>
      ) : (
        <DataTable
          caption="GHT de la plateforme"
          head={
            <>
              <th scope="col">GHT</th>
              <th scope="col">Région</th>
              <th scope="col">Établissement support</th>
              <th scope="col" className="num">
                Membres
              </th>
              <th scope="col" className="num">
                Coordinations
              </th>
            </>
          }
        >
          {ghts.map((g) => (
            <tr key={g.id}>
              <td>
                <Link href={`/admin/ghts/${g.id}`}>{g.name}</Link>
              </td>
              <td>{g.region.name}</td>
              <td>
                {g.supportEstablishment ? (
                  g.supportEstablishment.name
                ) : (
                  <span className="badge badge-orange">Non désigné</span>
                )}
              </td>
              <td className="num">{g._count.members}</td>
              <td className="num">{g._count.memberships}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
