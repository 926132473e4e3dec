import type ReactPDF from "@react-pdf/renderer";
import { breakLongTokens, FONT_FAMILY } from "./fonts";
import { prepareFont } from "./internals";

// Text measurement with the very font react-pdf draws with, so the dossier can be cut into pages
// before rendering (planDossier in document.tsx). Greedy line filling on a slightly narrowed width: react-pdf's
// own line breaker never needs more lines than this estimate in practice, and render.ts checks
// the real page count anyway.

type GlyphFont = {
  unitsPerEm: number;
  postscriptName: string;
  glyphForCodePoint(codePoint: number): { advanceWidth: number };
  hasGlyphForCodePoint(codePoint: number): boolean;
};

/** A stretch of text in one style: what a paragraph of mixed styles is made of. */
export type Span = { text: string; size: number; bold?: boolean };

export type TextMetrics = {
  /** Lines `text` takes at `size` points in a box `width` points wide (hard breaks on "\n"). */
  lines(text: string, size: number, width: number, bold?: boolean): number;
  /** Lines a run of spans takes in a box `width` points wide (hard breaks on "\n"). */
  spanLines(spans: readonly Span[], width: number): number;
  /** Width of one line of text, in points. */
  width(text: string, size: number, bold?: boolean): number;
};

/** The share of a column's width the estimate fills, to stay on the safe side of the line breaker. */
const WIDTH_FACTOR = 0.96;
/** The hyphen react-pdf draws where it breaks a long token, in points. */
const HYPHEN = 5;

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

export function metricsFor(regular: GlyphFont, bold: GlyphFont): TextMetrics {
  const em = { regular: advances(regular), bold: advances(bold) };
  const emWidth = (text: string, isBold: boolean) => {
    const advance = isBold ? em.bold : em.regular;
    let w = 0;
    for (const ch of text) w += advance(ch.codePointAt(0)!);
    return w;
  };

  /**
   * Greedy line filling over the spans' characters, each with its own font and size: words are cut
   * at spaces (a run of spaces is one gap, as wide as its first space), paragraphs at "\n" (which
   * takes no room: the font claims it, see internals.ts).
   */
  function spanLines(spans: readonly Span[], width: number): number {
    const max = width * WIDTH_FACTOR;
    let total = 0;
    let lines = 1;
    let used = 0;
    let gap = 0;
    let word = "";
    let widths: number[] = [];
    const place = () => {
      let at = 0;
      const parts = breakLongTokens(word);
      parts.forEach((part, i) => {
        let w = 0;
        for (let k = 0; k < part.length; k++) w += widths[at + k]!;
        at += part.length;
        const before = used > 0 && i === 0 ? gap : 0;
        const hyphen = i < parts.length - 1 ? HYPHEN : 0;
        if (used > 0 && used + before + w + hyphen > max) {
          lines++;
          used = w;
        } else {
          used += before + w;
        }
      });
      word = "";
      widths = [];
    };
    for (const span of spans) {
      const advance = span.bold ? em.bold : em.regular;
      for (let i = 0; i < span.text.length; i++) {
        const ch = span.text[i]!;
        if (ch === "\n") {
          if (word) place();
          total += lines;
          lines = 1;
          used = 0;
        } else if (ch === " ") {
          if (word) {
            place();
            gap = advance(0x20) * span.size;
          }
        } else {
          const codePoint = span.text.codePointAt(i)!;
          word += ch;
          widths.push(advance(codePoint) * span.size);
          if (codePoint > 0xffff) {
            word += span.text[++i]!;
            widths.push(0);
          }
        }
      }
    }
    if (word) place();
    return total + lines;
  }

  return {
    width: (text, size, isBold = false) => emWidth(text, isBold) * size,
    lines: (text, size, width, bold = false) => spanLines([{ text, size, bold }], width),
    spanLines,
  };
}

let cached: Promise<TextMetrics> | null = null;

/** The metrics of DejaVu Sans regular and bold, loaded through react-pdf's own font store. */
export function loadTextMetrics(Font: typeof ReactPDF.Font): Promise<TextMetrics> {
  cached ??= (async () => {
    const load = async (fontWeight: number) => {
      const source = Font.getFont({ fontFamily: FONT_FAMILY, fontWeight }) as unknown as {
        load(): Promise<void>;
        data: GlyphFont | null;
      };
      await source.load();
      if (!source.data) throw new Error(`font ${FONT_FAMILY} ${fontWeight} did not load`);
      prepareFont(source.data); // the same object react-pdf draws with (switch in internals.ts)
      return source.data;
    };
    const [regular, bold] = await Promise.all([load(400), load(700)]);
    return metricsFor(regular, bold);
  })();
  cached.catch(() => {
    cached = null;
  });
  return cached;
}
