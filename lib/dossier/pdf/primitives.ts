import type ReactPDF from "@react-pdf/renderer";
import type { Styles as PdfStyles } from "@react-pdf/renderer";

// react-pdf's primitives are plain element names ("TEXT", "VIEW"…, see @react-pdf/primitives):
// the documents use them without a runtime import of @react-pdf/renderer, which is loaded once,
// lazily, by loadReactPdf(). Reason: the package is ESM-only and one of its dependencies
// (@react-pdf/hyphenate) exports "import" conditions only, so a static import fails wherever this
// code is compiled to CommonJS (tsx for the bench and scripts); a dynamic import() works in tsx,
// Vitest and Next alike.

export const Document = "DOCUMENT" as unknown as typeof ReactPDF.Document;
export const Page = "PAGE" as unknown as typeof ReactPDF.Page;
export const View = "VIEW" as unknown as typeof ReactPDF.View;
export const Text = "TEXT" as unknown as typeof ReactPDF.Text;
/** react-pdf's Image (named apart from HTML's img: a PDF image has no alt attribute). */
export const PdfImage = "IMAGE" as unknown as typeof ReactPDF.Image;

export type Styles = PdfStyles;

/** StyleSheet.create is the identity: typed here without importing the runtime. */
export const createStyles = <T extends Styles>(styles: T): T => styles;

let loaded: Promise<typeof ReactPDF> | null = null;

export function loadReactPdf(): Promise<typeof ReactPDF> {
  loaded ??= import("@react-pdf/renderer").then((m) => m as unknown as typeof ReactPDF);
  return loaded;
}
