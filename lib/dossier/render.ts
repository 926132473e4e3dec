import { createElement } from "react";
import { DossierDocument, planDossier } from "./pdf/document";
import { loadTextMetrics } from "./pdf/metrics";
import { registerDossierFonts } from "./pdf/fonts";
import { loadReactPdf } from "./pdf/primitives";
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

export type RenderedDossier = { bytes: Buffer; pageCount: number; /** True when a planned page overflowed and react-pdf paginated instead. */ fallback: boolean };

/**
 * Renders the dossier: cut into pages from the font metrics and numbered as planned; if react-pdf
 * ends up with another page count (an estimate was short), renders again letting react-pdf
 * paginate and number the pages, so "page X / Y" is always right.
 */
export async function renderDossierPdf(payload: DossierPayload, seal: DossierSeal): Promise<RenderedDossier> {
  const { Font, renderToBuffer } = await loadReactPdf();
  registerDossierFonts(Font);
  const metrics = await loadTextMetrics(Font);
  const pages = planDossier(payload, seal, metrics);
  const render = (numbering: "static" | "dynamic") =>
    renderToBuffer(createElement(DossierDocument, { payload, seal, pages, numbering }) as Parameters<typeof renderToBuffer>[0]);
  const bytes = await render("static");
  const pageCount = pdfPageCount(bytes);
  if (pageCount === pages.length) return { bytes, pageCount, fallback: false };
  console.warn(`[socle] dossier: ${pages.length} pages planned, ${pageCount} rendered; rendering again with react-pdf's pagination`);
  const again = await render("dynamic");
  return { bytes: again, pageCount: pdfPageCount(again), fallback: true };
}
