import { Options } from "@/components/ui/field";
import type { Metadata } from "next";
import Link from "next/link";
import { adminAreaCrumbs } from "@/components/admin/sections";
import { PageHeader } from "@/components/ui/page-header";
import { EstablishmentAdminTable } from "@/components/admin/establishment-admin-table";
import { param, requireAdmin } from "@/lib/admin/page-guard";
import { listAdminEstablishments, listRegionOptions } from "@/lib/admin/queries";
import { db } from "@/lib/core/db";

export const metadata: Metadata = { title: "Établissements · Administration" };

type Props = Readonly<{ searchParams: Promise<Record<string, string | string[] | undefined>> }>;

export default async function AdminEstablishmentsPage({ searchParams }: Props) {
  const actor = await requireAdmin();
  const query = await searchParams;
  const regionId = param(query.region);
  const q = param(query.q);
  const [{ rows, total }, regions] = await Promise.all([
    listAdminEstablishments(db, actor, { regionId, q }),
    listRegionOptions(db, actor),
  ]);
  const filtered = Boolean(regionId || q);
  return (
    <div className="stack">
      <PageHeader
        crumbs={adminAreaCrumbs("/admin/establishments")}
        title="Établissements"
        actions={
          <Link className="btn" href="/admin/establishments/new">
            Nouvel établissement
          </Link>
        }
      />
      <form className="row" role="search" aria-label="Filtrer les établissements" method="get">
        <div className="field">
          <label htmlFor="filter-region">Région</label>
          <select className="select" id="filter-region" name="region" defaultValue={regionId ?? ""}>
            <option value="">Toutes les régions</option>
            <Options options={regions.map((r) => ({ value: r.id, label: r.name }))} />
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-q">Nom ou FINESS</label>
          <input className="input" id="filter-q" name="q" type="search" defaultValue={q ?? ""} maxLength={100} />
        </div>
        <div className="row" style={{ alignSelf: "flex-end" }}>
          <button className="btn btn-secondary" type="submit">
            Filtrer
          </button>
          {filtered ? <Link href="/admin/establishments">Effacer les filtres</Link> : null}
        </div>
      </form>
      <p className="muted small" role="status" style={{ margin: 0 }}>
        {rows.length} établissement{rows.length > 1 ? "s" : ""} affiché{rows.length > 1 ? "s" : ""} sur {total}.
      </p>
      {rows.length === 0 ? (
        <div className="card empty">
          <strong>
            {filtered
              ? "Aucun établissement ne correspond à ces filtres."
              : "Aucun établissement n'est encore enregistré."}
          </strong>
          {filtered
            ? "Élargissez la recherche ou effacez les filtres."
            : "Commencez par créer le premier établissement."}
        </div>
      ) : (
        <EstablishmentAdminTable rows={rows} />
      )}
    </div>
  );
}
