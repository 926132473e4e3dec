import type ReactPDF from "@react-pdf/renderer";
import { cheapenFontIdentity, fixLayoutFont, FONT_FAMILY } from "./fonts";
import { type ShapingFont, enableWordShaping } from "./shaping";

// Text measurement with the very font react-pdf draws with, so the dossier can be cut into pages
// before rendering (see paginate.ts). Greedy line filling on a slightly narrowed width: react-pdf's
// own line breaker never needs more lines than this estimate in practice, and render.ts checks
// the real page count anyway.

type GlyphFont = { unitsPerEm: number; postscriptName: string; glyphForCodePoint(codePoint: number): { advanceWidth: number }; hasGlyphForCodePoint(codePoint: number): boolean };

export type TextMetrics = {
  /** Lines `text` takes at `size` points in a box `width` points wide (hard breaks on "\n"). */
  lines(text: string, size: number, width: number, bold?: boolean): number;
  /** Width of one line of text, in points. */
  width(text: string, size: number, bold?: boolean): number;
};

/** The share of a column's width the estimate fills, to stay on the safe side of the line breaker. */
const WIDTH_FACTOR = 0.96;

function advances(font: GlyphFont) {
  const cache = new Map<number, number>();
  return (codePoint: number) => {
    let w = cache.get(codePoint);
    if (w === undefined) {
      w = font.glyphForCodePoint(codePoint).advanceWidth / font.unitsPerEm;
      cache.set(codePoint, w);
    }
    return w;
  };
}

/** Same cut points as the hyphenation callback in fonts.ts: long tokens break into ≤ 16-char parts. */
function pieces(word: string): string[] {
  if (word.length <= 24) return [word];
  return word.split(/(?<=[/_.\-])/).flatMap((p) => (p.length <= 16 ? [p] : (p.match(/.{1,16}/g) ?? [p])));
}

export function metricsFor(regular: GlyphFont, bold: GlyphFont): TextMetrics {
  const em = { regular: advances(regular), bold: advances(bold) };
  const emWidth = (text: string, isBold: boolean) => {
    const advance = isBold ? em.bold : em.regular;
    let w = 0;
    for (const ch of text) w += advance(ch.codePointAt(0)!);
    return w;
  };
  return {
    width: (text, size, isBold = false) => emWidth(text, isBold) * size,
    lines(text, size, width, isBold = false) {
      const max = (width * WIDTH_FACTOR) / size; // in em
      const space = emWidth(" ", isBold);
      let total = 0;
      for (const paragraph of text.split("\n")) {
        let lines = 1;
        let used = 0;
        const words = paragraph.split(/ +/).filter(Boolean);
        // The "\n" ending a paragraph stays at the end of its line, with no advance (see
        // fixLayoutFont in fonts.ts): nothing to count.
        for (const word of words) {
          const parts = pieces(word);
          for (const [i, part] of parts.entries()) {
            const w = emWidth(part, isBold);
            const gap = used > 0 && i === 0 ? space : 0;
            // A break inside a long token ends the line with a 5 pt hyphen: keep room for it.
            const hyphen = i < parts.length - 1 ? 5 / size : 0;
            if (used > 0 && used + gap + w + hyphen > max) {
              lines++;
              used = w;
            } else {
              used += gap + w;
            }
          }
        }
        total += lines;
      }
      return total;
    },
  };
}

/** The metrics, and the fonts themselves (to render with their word cache on, see shaping.ts). */
export type LoadedMetrics = TextMetrics & { fonts: readonly ShapingFont[] };

let cached: Promise<LoadedMetrics> | null = null;

/** The metrics of DejaVu Sans regular and bold, loaded through react-pdf's own font store. */
export function loadTextMetrics(Font: typeof ReactPDF.Font): Promise<LoadedMetrics> {
  cached ??= (async () => {
    const load = async (fontWeight: number) => {
      const source = Font.getFont({ fontFamily: FONT_FAMILY, fontWeight }) as unknown as { load(): Promise<void>; data: (GlyphFont & ShapingFont) | null };
      await source.load();
      if (!source.data) throw new Error(`font ${FONT_FAMILY} ${fontWeight} did not load`);
      cheapenFontIdentity(source.data);
      fixLayoutFont(source.data);
      enableWordShaping(source.data);
      return source.data;
    };
    const [regular, bold] = await Promise.all([load(400), load(700)]);
    return { ...metricsFor(regular, bold), fonts: [regular, bold] };
  })();
  cached.catch(() => {
    cached = null;
  });
  return cached;
}
