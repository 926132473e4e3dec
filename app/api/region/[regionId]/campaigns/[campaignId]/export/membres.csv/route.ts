import { toCsv } from "@/lib/region/outputs/csv";
import { exportFileName, regionDownload } from "@/lib/region/outputs/route";
import { membersTable } from "@/lib/region/outputs/tables";

/** The members' table of the delegate's view (same filters and sort as the page), as CSV. */
export const GET = regionDownload((view) => ({
  body: toCsv(membersTable(view)),
  contentType: "text/csv; charset=utf-8",
  fileName: exportFileName(view, "membres", "csv"),
}));
