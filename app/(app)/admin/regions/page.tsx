import type { Metadata } from "next";
import Link from "next/link";
import { adminAreaCrumbs } from "@/components/admin/sections";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdmin } from "@/lib/admin/page-guard";
import { listAdminRegions } from "@/lib/admin/queries";
import { db } from "@/lib/core/db";
import { DataTable } from "@/components/ui/data-table";

export const metadata: Metadata = { title: "Régions · Administration" };

export default async function AdminRegionsPage() {
  const actor = await requireAdmin();
  const regions = await listAdminRegions(db, actor);
  return (
    <div className="stack">
      <PageHeader
        crumbs={adminAreaCrumbs("/admin/regions")}
        title="Régions"
        actions={
          <Link className="btn btn-secondary" href="/admin/regions/new">
            Nouvelle région
          </Link>
        }
      >
        <p>Les régions et leurs départements sont des données de référence (codes INSEE).</p>
      </PageHeader>
      {regions.length === 0 ? (
        <div className="card empty">
          <strong>Aucune région n&apos;est chargée.</strong>
          Les données de référence se chargent au démarrage de la plateforme.
        </div>
      ) : (
        <DataTable
          caption="Régions et départements"
          head={
            <>
              <th scope="col">Code</th>
              <th scope="col">Région</th>
              <th scope="col">Départements</th>
              <th scope="col" className="num">
                GHT
              </th>
              <th scope="col" className="num">
                Établissements
              </th>
            </>
          }
        >
          {regions.map((r) => (
            <tr key={r.id}>
              <td>
                <code>{r.code}</code>
              </td>
              <td>
                <Link href={`/admin/regions/${r.id}`}>{r.name}</Link>
              </td>
              <td className="small">
                {r.departements.length ? (
                  r.departements.map((d) => `${d.name} (${d.code})`).join(", ")
                ) : (
                  <span className="muted">Aucun</span>
                )}
              </td>
              <td className="num">{r._count.ghts}</td>
              <td className="num">{r._count.establishments}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
