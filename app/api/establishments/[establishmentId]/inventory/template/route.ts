import { db } from "@/lib/core/db";
import { inventoryTemplateCsv } from "@/lib/inventory/csv";
import { csvDownload } from "@/lib/inventory/download";
import { loadInventoryEstablishment } from "@/lib/inventory/access";

/** The import template: the header and one example row. Served to those who see the inventory. */
export const GET = csvDownload(async (actor, establishmentId) => {
  await loadInventoryEstablishment(db, actor, establishmentId);
  return { text: inventoryTemplateCsv(), fileName: "modele-inventaire-applications.csv" };
});
