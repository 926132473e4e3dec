import { exportFileName, regionDownload } from "@/lib/region/outputs/route";
import { toXlsx } from "@/lib/region/outputs/xlsx";

/** The delegate's view as a workbook: about, summary, members, answers. */
export const GET = regionDownload(async (view, extractedAt) => ({
  body: await toXlsx(view, extractedAt),
  contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  fileName: exportFileName(view, "comparaison", "xlsx"),
}));
