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
 * The hyphenation callback, and the page planner's estimate (metrics.ts) cuts at the same points.
 */
export function breakLongTokens(word: string): string[] {
  if (word.length <= 24) return [word];
  const parts = word.split(/(?<=[/_.\-])/).flatMap((p) => (p.length <= 16 ? [p] : (p.match(/.{1,16}/g) ?? [p])));
  return parts.length ? parts : [word];
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
