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

type NamedFont = {
  postscriptName: string;
  name?: { records?: object };
  unitsPerEm: number;
  hasGlyphForCodePoint(codePoint: number): boolean;
};

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
  if (records && !Object.hasOwn(records, "toJSON"))
    Object.defineProperty(records, "toJSON", { value: () => font.postscriptName });
}

type GlyphRun = { glyphs: unknown[]; positions: { xAdvance: number }[] };
type LayoutFont = NamedFont & { layout(text: string, ...rest: unknown[]): GlyphRun };

/**
 * Two more fixes of the in-memory font object, for react-pdf's text layout (textkit):
 * - A line feed is the font's, and takes no room. textkit picks a font for every character, the
 *   line feed too; DejaVu has no glyph for it, so each "\n" fell back to Helvetica: a run of its
 *   own at the end of every line a break ends (drawn empty, but a font switch and a text object
 *   each time), 0.6 em taken from that line, and Helvetica in the PDF's resources. Claimed by the
 *   font with no advance, the line feed stays in the run it ends, and textkit drops it from the
 *   line before drawing, as before.
 * - unitsPerEm, read for every character and glyph, is a getter through the `head` table: made a
 *   plain value (it is a constant of the font).
 */
export function fixLayoutFont(font: LayoutFont): void {
  if (Object.hasOwn(font, "unitsPerEm")) return;
  Object.defineProperty(font, "unitsPerEm", { value: font.unitsPerEm });
  const hasGlyph = font.hasGlyphForCodePoint;
  font.hasGlyphForCodePoint = function (codePoint) {
    return codePoint === 0x0a || hasGlyph.call(this, codePoint);
  };
  const layout = font.layout;
  font.layout = function (text, ...rest) {
    const run = layout.call(this, text, ...rest);
    // textkit lays out a paragraph at a time: its line feed, if any, is its last character.
    if (typeof text === "string" && text.endsWith("\n") && run.positions.length > 0) run.positions.at(-1)!.xAdvance = 0;
    return run;
  };
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
