import { AsyncLocalStorage } from "node:async_hooks";
import { env } from "@/lib/core/env";

// Every reach of the dossier renderer into its dependencies' internals, in this one file, behind
// one switch: SOCLE_DOSSIER_INTERNALS (lib/core/env.ts; "on" by default, "off" renders through
// react-pdf's public API only). Each reach is kept only while `npm run bench -- dossier` shows it
// saves at least 20 % of a 20-page dossier's time (the bench prints both settings).
// internals.test.ts fails loudly when a dependency no longer has the shape used here; at run
// time a font of another shape is left stock (with a warning), and a missing layout is treated
// as an overflow (react-pdf paginates).
//
// The reaches, on the fontkit font objects react-pdf loads, and in react-pdf's onRender props:
// 1. pdfkit (0.20, through react-pdf) calls doc.font() for every run it draws, and compares the
//    fonts by JSON-serialising their whole `name` table (DejaVu's holds its licence, ~5 kB):
//    ~150 ms for a 20-page dossier. The table serialises to the PostScript name instead (pdfkit
//    also compares the head checksums; nothing from that table is written to the PDF).
// 2. textkit picks a font for every character, the line feed too; DejaVu has none, so each "\n"
//    fell back to Helvetica (a run of its own, 0.6 em, Helvetica in the PDF's resources). The
//    font claims the line feed with no advance; textkit drops it from the line as before.
//    unitsPerEm, read for every glyph, is a getter through the `head` table: made a plain value.
// 3. Word shaping: textkit shapes every run with fontkit's full OpenType pipeline (~0.07 ms a
//    run). During a render the fonts shape a Latin run word by word, each distinct word once a
//    render, and join the glyphs. Exact: DejaVu Sans has no lookup that reaches across a space
//    (checked for every pair of the characters below, both weights; internals.test.ts re-checks a
//    set, and that the PDF is byte for byte the stock one). The cache belongs to one render
//    (AsyncLocalStorage): no establishment's words outlive its own render.
// 4. The laid-out tree react-pdf hands to onRender (`_INTERNAL__LAYOUT__DATA_`), to see whether
//    a planned page overflowed, so each page is laid out once instead of paginated.

/** The one switch. */
export const internalsOn = (): boolean => env.dossierInternals;

type Glyph = { id: number };
type GlyphPosition = { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number };
export type GlyphRun = { glyphs: Glyph[]; positions: GlyphPosition[] };
type Layout = (
  this: InternalFont,
  text: string,
  features?: unknown,
  script?: string,
  language?: string,
  direction?: string,
) => GlyphRun;
/** The parts of a fontkit font object this file touches. */
export type InternalFont = {
  layout: Layout;
  postscriptName: string;
  name?: { records?: object };
  unitsPerEm: number;
  hasGlyphForCodePoint(codePoint: number): boolean;
};

/** What is missing from `font` for the patches above (empty: the dependency has the shape used). */
export function fontShapeProblems(font: unknown): string[] {
  const f = (font ?? {}) as Record<string, unknown>;
  const problems: string[] = [];
  if (typeof f.layout !== "function") problems.push("font.layout is not a function");
  if (typeof f.hasGlyphForCodePoint !== "function") problems.push("font.hasGlyphForCodePoint is not a function");
  if (typeof f.unitsPerEm !== "number") problems.push("font.unitsPerEm is not a number");
  if (typeof f.postscriptName !== "string") problems.push("font.postscriptName is not a string");
  const name = f.name as { records?: unknown } | undefined;
  if (typeof name?.records !== "object" || name.records === null) problems.push("font.name.records is not an object");
  return problems;
}

/** Latin and common characters, no combining marks: "\n", printable ASCII, Latin-1, Latin Extended-A/B, punctuation, €, ≤ ≥. */
const SPLITTABLE = /^[\n\u0020-\u007e\u00a0-\u024f\u2010-\u2027\u202f\u2030-\u205e\u20ac\u2264\u2265]*$/;
/** A word and the spaces after it, or leading spaces. */
const WORDS = / +|[^ ]+ */g;
/** fontkit's script detection, for the characters above: Latin if any letter is Latin, else Unknown. */
const scriptOf = (text: string) => (/\p{Script=Latin}/u.test(text) ? "latn" : "zzzz");

/** About 200 bytes a word with its glyphs: a few megabytes at most a font, within one render. */
export const MAX_WORDS_PER_FONT = 20_000;

/** The current render's shaped words, per font. */
const renderWords = new AsyncLocalStorage<Map<InternalFont, Map<string, GlyphRun>>>();
const prepared = new WeakSet<object>();

function cheapenFontIdentity(font: InternalFont): void {
  const records = font.name?.records;
  if (records && !Object.hasOwn(records, "toJSON"))
    Object.defineProperty(records, "toJSON", { value: () => font.postscriptName });
}

function claimLineFeed(font: InternalFont): void {
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

function shapeWordByWord(font: InternalFont): void {
  const layout = font.layout;
  font.layout = function (text, features, script, language, direction) {
    let cache = renderWords.getStore()?.get(this);
    if (
      !renderWords.getStore() ||
      typeof text !== "string" ||
      script !== undefined ||
      language !== undefined ||
      !SPLITTABLE.test(text)
    ) {
      return layout.call(this, text, features, script, language, direction);
    }
    if (!cache) renderWords.getStore()!.set(this, (cache = new Map()));
    const runScript = scriptOf(text);
    const suffix = `\u0000${runScript}\u0000${direction ?? ""}\u0000${features === undefined ? "" : JSON.stringify(features)}`;
    const glyphs: Glyph[] = [];
    const positions: GlyphPosition[] = [];
    for (const word of text.match(WORDS) ?? []) {
      const key = word + suffix;
      let shaped = cache.get(key);
      if (!shaped) {
        shaped = layout.call(this, word, features, runScript, language, direction);
        if (cache.size >= MAX_WORDS_PER_FONT) cache.clear();
        cache.set(key, shaped);
      }
      for (let i = 0; i < shaped.glyphs.length; i++) {
        glyphs.push(shaped.glyphs[i]!);
        positions.push(shaped.positions[i]!);
      }
    }
    return { glyphs, positions };
  };
}

/**
 * Applies reaches 1–3 to a font react-pdf loaded, once, when the switch is on and the font has the
 * expected shape; otherwise leaves it stock. Returns whether the font is patched.
 */
export function prepareFont(font: unknown): boolean {
  if (!internalsOn() || typeof font !== "object" || font === null) return false;
  if (prepared.has(font)) return true;
  const problems = fontShapeProblems(font);
  if (problems.length) {
    console.warn(`[socle] dossier: font left stock (${problems.join("; ")})`);
    return false;
  }
  const f = font as InternalFont;
  cheapenFontIdentity(f);
  claimLineFeed(f);
  shapeWordByWord(f);
  prepared.add(font);
  return true;
}

/** Runs one render with its own word cache (reach 3), dropped when the render ends. */
export function withRenderWords<T>(render: () => Promise<T>): Promise<T> {
  return internalsOn() ? renderWords.run(new Map(), render) : render();
}

/** Words cached in the current render for `font` (tests). */
export const renderWordCount = (font: object): number => renderWords.getStore()?.get(font as InternalFont)?.size ?? 0;

/** Reach 4: the laid-out tree in react-pdf's onRender props, or undefined (switch off, or gone). */
export function layoutOf(onRenderProps: object): unknown {
  if (!internalsOn()) return undefined;
  return (onRenderProps as { _INTERNAL__LAYOUT__DATA_?: unknown })._INTERNAL__LAYOUT__DATA_;
}
