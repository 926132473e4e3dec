import Link from "next/link";
import {
  type EstablishmentIdentity,
  EstablishmentIdentityCells,
  EstablishmentIdentityHeads,
} from "./establishment-cells";
import { DataTable } from "@/components/ui/data-table";

type Row = EstablishmentIdentity & {
  ght?: { id: string; name: string; supportEstablishmentId: string | null } | null;
};

type Props = Readonly<{ rows: Row[]; caption: string; showGht?: boolean; emptyText?: string }>;

export function EstablishmentTable({ rows, caption, showGht = true, emptyText = "Aucun établissement." }: Props) {
  return (
    <DataTable
      caption={caption}
      head={
        <>
          <EstablishmentIdentityHeads />
          {showGht ? <th scope="col">GHT</th> : null}
        </>
      }
    >
      {rows.length === 0 ? (
        <tr>
          <td colSpan={showGht ? 5 : 4} className="empty">
            {emptyText}
          </td>
        </tr>
      ) : (
        rows.map((row) => (
          <tr key={row.id}>
            <EstablishmentIdentityCells row={row} href={`/establishments/${row.id}`} />
            {showGht ? (
              <td>
                {row.ght ? <Link href={`/ght/${row.ght.id}`}>{row.ght.name}</Link> : <span className="muted">—</span>}
              </td>
            ) : null}
          </tr>
        ))
      )}
    </DataTable>
  );
}
