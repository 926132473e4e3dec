import { renderBrief } from "@/lib/region/outputs/brief";
import { exportFileName, regionDownload } from "@/lib/region/outputs/route";

/** The brief for a meeting (PDF, two pages) of the delegate's view, with the page's markers. */
export const GET = regionDownload(async (view, extractedAt) => ({
  body: await renderBrief(view, extractedAt),
  contentType: "application/pdf",
  fileName: exportFileName(view, "synthese", "pdf"),
}));
