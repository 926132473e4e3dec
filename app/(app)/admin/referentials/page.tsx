import type { Metadata } from "next";
import Link from "next/link";
import { adminAreaCrumbs } from "@/components/admin/sections";
import { PageHeader } from "@/components/ui/page-header";
import { formatDateTime, formatDay, programmeLabel } from "@/components/referentials/labels";
import { ReferentialUploadForm } from "@/components/referentials/upload-form";
import { requireAdmin } from "@/lib/admin/page-guard";
import { db } from "@/lib/core/db";
import { listReferentialsForAdmin } from "@/lib/referentials/queries";
import { DataTable } from "@/components/ui/data-table";

export const metadata: Metadata = { title: "Référentiels · Administration" };

export default async function AdminReferentialsPage() {
  const actor = await requireAdmin();
  const referentials = await listReferentialsForAdmin(db, actor);
  return (
    <div className="stack">
      <PageHeader crumbs={adminAreaCrumbs("/admin/referentials")} title="Référentiels">
        <p>
          Chaque référentiel est chargé par versions. Une version chargée ne change plus : les évaluations faites dessus
          restent lisibles telles quelles. Les fichiers livrés avec l&apos;application sont chargés au démarrage.
        </p>
      </PageHeader>
      <div className="card">
        <h2>Charger une nouvelle version</h2>
        <ReferentialUploadForm />
      </div>
      {referentials.length === 0 ? (
        <div className="card empty">
          <strong>Aucun référentiel n&apos;est chargé.</strong>
          Les fichiers de data/referentials sont chargés au démarrage de l&apos;application ; vous pouvez aussi en
          charger un ci-dessus.
        </div>
      ) : (
        referentials.map((r) => (
          <section key={r.id} className="stack" aria-labelledby={`ref-${r.id}`} style={{ gap: "0.5rem" }}>
            <div className="row">
              <h2 id={`ref-${r.id}`} style={{ margin: 0 }}>
                {r.title}
              </h2>
              <span className="badge">{programmeLabel(r.programme)}</span>
              <code className="muted small">{r.id}</code>
            </div>
            <DataTable
              caption={<>Versions du référentiel {r.title}</>}
              head={
                <>
                  <th scope="col">Version</th>
                  <th scope="col">Titre</th>
                  <th scope="col">Publiée le</th>
                  <th scope="col">Chargée le</th>
                  <th scope="col" className="num">
                    Campagnes
                  </th>
                  <th scope="col">État</th>
                </>
              }
            >
              {r.versions.map((v, i) => (
                <tr key={v.id}>
                  <td>
                    <Link href={`/admin/referentials/${v.id}`}>Version {v.version}</Link>
                    {i === 0 ? (
                      <span className="badge badge-green" style={{ marginLeft: 8 }}>
                        Dernière chargée
                      </span>
                    ) : null}
                  </td>
                  <td>{v.title}</td>
                  <td>{formatDay(v.publishedOn)}</td>
                  <td>
                    {formatDateTime(v.loadedAt)}
                    <span className="muted small" style={{ display: "block" }}>
                      {v.loadedBy ?? "fichier livré"}
                    </span>
                  </td>
                  <td className="num">{v.campaigns}</td>
                  <td>
                    {v.campaigns > 0 ? (
                      <span
                        className="badge badge-orange"
                        title="Des campagnes utilisent cette version : elle ne peut plus changer."
                      >
                        utilisée : immuable
                      </span>
                    ) : (
                      <span
                        className="badge badge-grey"
                        title="Aucune campagne ne l'utilise ; comme toute version chargée, son contenu ne change plus."
                      >
                        non utilisée
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </DataTable>
          </section>
        ))
      )}
    </div>
  );
}
