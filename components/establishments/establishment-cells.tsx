import Link from "next/link";
import type { EstablishmentCategory } from "@/generated/prisma/enums";
import { CATEGORY_LABELS } from "./labels";

export type EstablishmentIdentity = {
  id: string;
  name: string;
  finess: string;
  category: EstablishmentCategory;
  departementCode: string;
  ght?: { supportEstablishmentId: string | null } | null;
};

/** The four columns that name an establishment in every list of them. */
export function EstablishmentIdentityHeads() {
  return (
    <>
      <th scope="col">Établissement</th>
      <th scope="col">FINESS</th>
      <th scope="col">Catégorie</th>
      <th scope="col">Dépt</th>
    </>
  );
}

/** Their cells: the name linked to `href` (with the GHT's support mark), FINESS, category, département. */
export function EstablishmentIdentityCells({ row, href }: Readonly<{ row: EstablishmentIdentity; href: string }>) {
  return (
    <>
      <td>
        <Link href={href}>{row.name}</Link>
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
    </>
  );
}
