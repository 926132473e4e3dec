import path from "node:path";
import type ReactPDF from "@react-pdf/renderer";

// DejaVu Sans, shipped in public/fonts (Bitstream Vera licence, see DejaVu-LICENSE.txt), so the
// PDF never depends on the system's fonts: TTF (WOFF is ~6x slower to lay out) with the glyphs
// French needs, including U+202F. Registered once per process.

export const FONT_FAMILY = "DejaVu Sans";
const FONT_DIR = path.join(/*turbopackIgnore: true*/ process.cwd(), "public", "fonts");

let registered = false;

/**
 * Words are not hyphenated (the built-in patterns are English and cut French words wrongly); only
 * very long tokens (file names, URLs) are given break points, so they cannot overflow a column.
 */
function breakLongTokens(word: string): string[] {
  if (word.length <= 24) return [word];
  const parts = word.split(/(?<=[/_.\-])/).flatMap((p) => (p.length <= 16 ? [p] : (p.match(/.{1,16}/g) ?? [p])));
  return parts.length ? parts : [word];
}

type NamedFont = { postscriptName: string; name?: { records?: object } };

/**
 * pdfkit (0.20, through react-pdf) calls doc.font() for every run of every line it draws, and each
 * call compares the font with the one already embedded by JSON-serialising both fonts' whole
 * `name` table (DejaVu's holds the full licence text, ~5 kB): ~0.06 ms a run, ~150 ms for a
 * 20-page dossier of some 2,500 runs. Serialising that table to the PostScript name instead keeps
 * the comparison meaningful (pdfkit also compares the head checksums) and makes it nearly free.
 * Only the in-memory font object is touched: nothing is written to the PDF from that table.
 */
export function cheapenFontIdentity(font: NamedFont): void {
  const records = font.name?.records;
  if (records && !Object.hasOwn(records, "toJSON")) Object.defineProperty(records, "toJSON", { value: () => font.postscriptName });
}

export function registerDossierFonts(Font: typeof ReactPDF.Font, fontDir: string = FONT_DIR): void {
  if (registered) return;
  Font.register({
    family: FONT_FAMILY,
    fonts: [
      { src: path.join(fontDir, "DejaVuSans.ttf"), fontWeight: 400 },
      { src: path.join(fontDir, "DejaVuSans-Bold.ttf"), fontWeight: 700 },
    ],
  });
  Font.registerHyphenationCallback(breakLongTokens);
  registered = true;
}
