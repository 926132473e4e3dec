import Link from "next/link";
import { formatDay } from "@/components/referentials/labels";
import { DataTable } from "@/components/ui/data-table";

type Row = {
  id: string;
  name: string;
  year: number;
  opensOn: string;
  closesOn: string;
  referentialVersion: { id: string; version: string; referential: { id: string; title: string } };
  establishments: number;
  assessmentsStarted: number;
};

export function CampaignTable({ rows }: Readonly<{ rows: Row[] }>) {
  return (
    <DataTable
      caption="Campagnes de la plateforme"
      head={
        <>
          <th scope="col">Campagne</th>
          <th scope="col" className="num">
            Année
          </th>
          <th scope="col">Référentiel</th>
          <th scope="col">Ouverture</th>
          <th scope="col">Clôture</th>
          <th scope="col" className="num">
            Établissements
          </th>
          <th scope="col" className="num">
            Évaluations commencées
          </th>
        </>
      }
    >
      {rows.map((row) => (
        <tr key={row.id}>
          <td>
            <Link href={`/admin/campaigns/${row.id}`}>{row.name}</Link>
          </td>
          <td className="num">{row.year}</td>
          <td>
            {row.referentialVersion.referential.title}{" "}
            <Link href={`/admin/referentials/${row.referentialVersion.id}`} className="small">
              version {row.referentialVersion.version}
            </Link>
          </td>
          <td>{formatDay(row.opensOn)}</td>
          <td>{formatDay(row.closesOn)}</td>
          <td className="num">{row.establishments}</td>
          <td className="num">{row.assessmentsStarted}</td>
        </tr>
      ))}
    </DataTable>
  );
}
