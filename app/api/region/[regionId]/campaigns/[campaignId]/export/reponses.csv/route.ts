import { toCsv } from "@/lib/region/outputs/csv";
import { exportFileName, regionDownload } from "@/lib/region/outputs/route";
import { answersTable } from "@/lib/region/outputs/tables";

/** One row per answer of the shared, submitted revisions in the delegate's view, as CSV. */
export const GET = regionDownload((view) => ({
  body: toCsv(answersTable(view)),
  contentType: "text/csv; charset=utf-8",
  fileName: exportFileName(view, "reponses", "csv"),
}));
