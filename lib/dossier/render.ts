import { createElement } from "react";
import { DossierDocument, planDossier } from "./pdf/document";
import { loadTextMetrics } from "./pdf/metrics";
import { registerDossierFonts } from "./pdf/fonts";
import { internalsOn, layoutOf, withRenderWords } from "./pdf/internals";
import { loadReactPdf } from "./pdf/primitives";
import { PAGE, PAGE_PADDING_BOTTOM } from "./pdf/theme";
import { qrPngDataUrl } from "./qr";
import { formatVerificationCode } from "./seal";
import type { DossierPayload, DossierSeal } from "./types";

/** `<origin>/verifier/<code>`: the page the QR code opens. */
export function verifyUrlFor(origin: string, code: string | null): string {
  const base = `${origin.replace(/\/+$/, "")}/verifier`;
  return code ? `${base}/${formatVerificationCode(code)}` : base;
}

/** What is printed besides the payload: the formatted code, its QR code, the generation time. */
export function makeSeal(origin: string, code: string | null, generatedAt: Date = new Date()): DossierSeal {
  const verifyUrl = verifyUrlFor(origin, code);
  return {
    code: code ? formatVerificationCode(code) : null,
    verifyUrl,
    qrDataUrl: code ? qrPngDataUrl(verifyUrl) : null,
    generatedAt: generatedAt.toISOString(),
  };
}

/** The page count pdfkit writes in the page tree's root. */
export function pdfPageCount(bytes: Uint8Array): number {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  const match = /\/Type\s*\/Pages\s*\/Count\s+(\d+)/.exec(text) ?? /\/Count\s+(\d+)\s*\/Kids/.exec(text);
  return match ? Number(match[1]) : 0;
}

/** How many pages the dossier is planned to take (no rendering). */
export async function plannedPageCount(payload: DossierPayload, seal: DossierSeal): Promise<number> {
  const { Font } = await loadReactPdf();
  registerDossierFonts(Font);
  return planDossier(payload, seal, await loadTextMetrics(Font)).length;
}

type LayoutBox = { top: number; height: number };
type LayoutNode = { box?: LayoutBox; style?: { position?: string }; children?: LayoutNode[] };

/**
 * Pages whose content ran past the bottom margin, in a layout of pages that do not wrap (the
 * planned pages): such content would be drawn over the footer, or off the page.
 */
export function overflowingPages(layout: unknown): number[] {
  const pages = (layout as LayoutNode | undefined)?.children ?? [];
  const overflowing: number[] = [];
  pages.forEach((page, i) => {
    // The page's one child in the flow (header, footer and watermark are absolute): its body.
    const body = page.children?.find((child) => child.style?.position !== "absolute");
    if (body?.box && body.box.top + body.box.height > PAGE.height - PAGE_PADDING_BOTTOM + 0.5) overflowing.push(i + 1);
  });
  return overflowing;
}

export type RenderedDossier = {
  bytes: Buffer;
  pageCount: number;
  /** True when a planned page overflowed and react-pdf paginated instead. */ fallback: boolean;
};

/**
 * Renders the dossier: cut into pages from the font metrics and numbered as planned, each page
 * laid out once without react-pdf's pagination; if a page's content did not fit (an estimate was
 * short), renders again letting react-pdf paginate and number the pages, so nothing is cut off
 * and "page X / Y" is always right. With the internals switch off (pdf/internals.ts) the layout
 * cannot be checked, so react-pdf paginates from the start: one render, public API only.
 */
export async function renderDossierPdf(payload: DossierPayload, seal: DossierSeal): Promise<RenderedDossier> {
  const { Font, renderToBuffer } = await loadReactPdf();
  registerDossierFonts(Font);
  const metrics = await loadTextMetrics(Font);
  const pages = planDossier(payload, seal, metrics);
  // Without the laid-out tree (switch off, or a react-pdf upgrade) nothing can be checked: react-pdf
  // paginates, slower but never cut off.
  let overflowing: number[] = [0];
  const onRender = (props: object) => {
    const layout = layoutOf(props);
    overflowing = layout ? overflowingPages(layout) : [0];
  };
  const render = (numbering: "static" | "dynamic") =>
    withRenderWords(() =>
      renderToBuffer(
        createElement(DossierDocument, {
          payload,
          seal,
          pages,
          numbering,
          onRender: numbering === "static" ? onRender : undefined,
        }) as Parameters<typeof renderToBuffer>[0],
      ),
    );
  if (!internalsOn()) {
    const bytes = await render("dynamic");
    return { bytes, pageCount: pdfPageCount(bytes), fallback: true };
  }
  const bytes = await render("static");
  const pageCount = pdfPageCount(bytes);
  if (pageCount === pages.length && overflowing.length === 0) return { bytes, pageCount, fallback: false };
  console.warn(
    `[socle] dossier: ${pages.length} pages planned, ${pageCount} rendered, overflowing: ${overflowing.join(", ").replace(/^0$/, "layout unavailable") || "none"}; rendering again with react-pdf's pagination`,
  );
  const again = await render("dynamic");
  return { bytes: again, pageCount: pdfPageCount(again), fallback: true };
}
