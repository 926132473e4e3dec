// Text shaping with a word cache. react-pdf (textkit) shapes every run of every
// paragraph with fontkit's full OpenType pipeline (a shaping plan, GSUB, GPOS), some 0.07 ms a
// run even for three words: about a fifth of a dossier's render. While a dossier renders, the
// dossier's fonts shape a run word by word instead, each distinct word once (a 20-page dossier
// says "de", "la", "Cible", "PRÉREQUIS"… hundreds of times), and the glyphs are joined.
//
// Exact, not approximate: a run is cut only after a space, and only when it is made of Latin and
// common characters (no combining marks, no other script). For those, DejaVu Sans has no lookup
// that reaches across a space: no kerning pair starts with the space, no ligature or contextual
// substitution spans one. Checked for all 361,802 pairs "a b" of the characters below, both
// weights, Latin and unknown script: "a " then "b" shaped apart give the glyphs and positions of
// "a b" shaped whole. shaping.test.ts re-checks a representative set, and that a dossier's PDF is
// byte for byte the one rendered without the cache. Each word is shaped with the script fontkit
// detects on the whole run, so the same features apply. Anything else is shaped whole, as before.
//
// The cache outlives a render: a server renders dossiers of the same referentials, whose labels,
// statuses and French vocabulary recur from one establishment to the next (a 20-page dossier has
// some 800 distinct words; shaping them was a sixth of its render). An entry is a pure function of
// (font, word, script, direction, features), and nothing downstream writes to its glyphs or
// positions (textkit copies positions as it scales them). The cache is bounded: past
// MAX_WORDS_PER_FONT entries a font's cache starts again empty. Outside a dossier render the fonts
// shape exactly as stock react-pdf.

type Glyph = { id: number };
type GlyphPosition = { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number };
export type GlyphRun = { glyphs: Glyph[]; positions: GlyphPosition[] };
type Layout = (
  this: ShapingFont,
  text: string,
  features?: unknown,
  script?: string,
  language?: string,
  direction?: string,
) => GlyphRun;
export type ShapingFont = { layout: Layout };

/** Latin and common characters, no combining marks: "\n", printable ASCII, Latin-1, Latin Extended-A/B, punctuation, €, ≤ ≥. */
const SPLITTABLE = /^[\n\u0020-\u007e\u00a0-\u024f\u2010-\u2027\u202f\u2030-\u205e\u20ac\u2264\u2265]*$/;
/** A word and the spaces after it, or leading spaces. */
const WORDS = / +|[^ ]+ */g;
/** fontkit's script detection, for the characters above: Latin if any letter is Latin, else Unknown. */
const scriptOf = (text: string) => (/\p{Script=Latin}/u.test(text) ? "latn" : "zzzz");

/** About 200 bytes a word with its glyphs: a few megabytes at most a font. */
export const MAX_WORDS_PER_FONT = 20_000;

let active = 0;
const caches = new Map<ShapingFont, Map<string, GlyphRun>>();
const patched = new WeakSet<ShapingFont>();

/** Makes `font` shape through the word cache while a dossier renders. Idempotent. */
export function enableWordShaping(font: ShapingFont): void {
  if (patched.has(font)) return;
  patched.add(font);
  const layout = font.layout;
  font.layout = function (text, features, script, language, direction) {
    const cache = active > 0 ? caches.get(this) : undefined;
    if (
      !cache ||
      typeof text !== "string" ||
      script !== undefined ||
      language !== undefined ||
      !SPLITTABLE.test(text)
    ) {
      return layout.call(this, text, features, script, language, direction);
    }
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

/** Runs `render` with the word cache on for `fonts` (off again once no render is left). */
export async function withWordShaping<T>(fonts: readonly ShapingFont[], render: () => Promise<T>): Promise<T> {
  active++;
  for (const font of fonts) if (!caches.has(font)) caches.set(font, new Map());
  try {
    return await render();
  } finally {
    active--;
  }
}

/** Words cached for `font` (for tests). */
export const cachedWordCount = (font: ShapingFont): number => caches.get(font)?.size ?? 0;

/** Forgets every shaped word: the next render meets its vocabulary for the first time (bench, tests). */
export function clearWordCache(): void {
  for (const cache of caches.values()) cache.clear();
}
