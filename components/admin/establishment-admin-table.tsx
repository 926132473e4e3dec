import {
  type EstablishmentIdentity,
  EstablishmentIdentityCells,
  EstablishmentIdentityHeads,
} from "@/components/establishments/establishment-cells";
import { ActiveBadge } from "./status-badge";
import { DataTable } from "@/components/ui/data-table";

type Row = EstablishmentIdentity & {
  disabled: boolean;
  region: { name: string };
  ght: { name: string; supportEstablishmentId: string | null } | null;
  _count: { memberships: number };
};

export function EstablishmentAdminTable({ rows }: Readonly<{ rows: Row[] }>) {
  return (
    <DataTable
      caption="Établissements de la plateforme"
      head={
        <>
          <EstablishmentIdentityHeads />
          <th scope="col">Région</th>
          <th scope="col">GHT</th>
          <th scope="col" className="num">
            Comptes
          </th>
          <th scope="col">État</th>
        </>
      }
    >
      {rows.map((row) => (
        <tr key={row.id}>
          <EstablishmentIdentityCells row={row} href={`/admin/establishments/${row.id}`} />
          <td>{row.region.name}</td>
          <td>{row.ght ? row.ght.name : <span className="muted">—</span>}</td>
          <td className="num">{row._count.memberships}</td>
          <td>
            <ActiveBadge disabled={row.disabled} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
