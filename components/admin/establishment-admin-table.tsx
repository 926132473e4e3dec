import Link from "next/link";
import type { EstablishmentCategory } from "@/generated/prisma/enums";
import { CATEGORY_LABELS } from "@/components/establishments/labels";
import { ActiveBadge } from "./status-badge";

type Row = {
  id: string;
  name: string;
  finess: string;
  category: EstablishmentCategory;
  departementCode: string;
  disabled: boolean;
  region: { name: string };
  ght: { name: string; supportEstablishmentId: string | null } | null;
  _count: { memberships: number };
};

export function EstablishmentAdminTable({ rows }: Readonly<{ rows: Row[] }>) {
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">Établissements de la plateforme</caption>
        <thead>
          <tr>
            <th scope="col">Établissement</th>
            <th scope="col">FINESS</th>
            <th scope="col">Catégorie</th>
            <th scope="col">Dépt</th>
            <th scope="col">Région</th>
            <th scope="col">GHT</th>
            <th scope="col" className="num">
              Comptes
            </th>
            <th scope="col">État</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td>
                <Link href={`/admin/establishments/${row.id}`}>{row.name}</Link>
                {row.ght?.supportEstablishmentId === row.id ? (
                  <span className="badge" style={{ marginLeft: 8 }}>
                    Support
                  </span>
                ) : null}
              </td>
              <td>
                <code>{row.finess}</code>
              </td>
              <td>{CATEGORY_LABELS[row.category]}</td>
              <td>{row.departementCode}</td>
              <td>{row.region.name}</td>
              <td>{row.ght ? row.ght.name : <span className="muted">—</span>}</td>
              <td className="num">{row._count.memberships}</td>
              <td>
                <ActiveBadge disabled={row.disabled} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
