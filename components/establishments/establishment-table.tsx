import Link from "next/link";
import type { EstablishmentCategory } from "@/generated/prisma/enums";
import { CATEGORY_LABELS } from "./labels";

type Row = {
  id: string;
  name: string;
  finess: string;
  category: EstablishmentCategory;
  departementCode: string;
  ght?: { id: string; name: string; supportEstablishmentId: string | null } | null;
};

type Props = Readonly<{ rows: Row[]; caption: string; showGht?: boolean; emptyText?: string }>;

export function EstablishmentTable({ rows, caption, showGht = true, emptyText = "Aucun établissement." }: Props) {
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Établissement</th>
            <th scope="col">FINESS</th>
            <th scope="col">Catégorie</th>
            <th scope="col">Dépt</th>
            {showGht ? <th scope="col">GHT</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={showGht ? 5 : 4} className="empty">
                {emptyText}
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={row.id}>
                <td>
                  <Link href={`/establishments/${row.id}`}>{row.name}</Link>
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
                {showGht ? (
                  <td>
                    {row.ght ? (
                      <Link href={`/ght/${row.ght.id}`}>{row.ght.name}</Link>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                ) : null}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
