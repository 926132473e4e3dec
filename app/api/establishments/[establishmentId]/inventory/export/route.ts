import { db } from "@/lib/core/db";
import { toInventoryCsv } from "@/lib/inventory/csv";
import { csvDownload } from "@/lib/inventory/download";
import { getInventory } from "@/lib/inventory/queries";

/** The whole inventory as a CSV for French Excel (UTF-8 with BOM, ";"), importable back as is. */
export const GET = csvDownload(async (actor, establishmentId) => {
  const { establishment, applications } = await getInventory(db, actor, establishmentId);
  return {
    text: toInventoryCsv(applications),
    fileName: `inventaire-${establishment.finess}.csv`,
    audit: "inventory.export",
  };
});
