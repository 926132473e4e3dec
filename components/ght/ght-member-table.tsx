import { EstablishmentTable } from "@/components/establishments/establishment-table";
import type { getGhtOrThrow } from "@/lib/ght/queries";

type Ght = Awaited<ReturnType<typeof getGhtOrThrow>>;

/** A GHT's member establishments, the support one marked; the GHT column is left out (it is this one). */
export function GhtMemberTable({ ght }: Readonly<{ ght: Ght }>) {
  const rows = ght.members.map((m) => ({
    ...m,
    ght: { id: ght.id, name: ght.name, supportEstablishmentId: ght.supportEstablishment?.id ?? null },
  }));
  return (
    <EstablishmentTable
      rows={rows}
      caption={`Membres du ${ght.name}`}
      showGht={false}
      emptyText="Ce GHT n'a pas encore de membre."
    />
  );
}
