import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { makeSeal, renderDossierPdf } from "../render";
import { samplePayload } from "@/test/dossier/sample-payload";
import { DossierDocument, planDossier } from "./document";
import { FONT_FAMILY, registerDossierFonts } from "./fonts";
import { loadTextMetrics } from "./metrics";
import { loadReactPdf } from "./primitives";
import type { DossierPayload, DossierSeal } from "../types";
import {
  cachedWordCount,
  clearWordCache,
  type GlyphRun,
  MAX_WORDS_PER_FONT,
  type ShapingFont,
  withWordShaping,
} from "./shaping";

const signature = (run: GlyphRun) =>
  run.glyphs
    .map(
      (g, i) =>
        `${g.id}:${run.positions[i]!.xAdvance},${run.positions[i]!.yAdvance},${run.positions[i]!.xOffset},${run.positions[i]!.yOffset}`,
    )
    .join(" ");

async function fonts(): Promise<ShapingFont[]> {
  const { Font } = await loadReactPdf();
  registerDossierFonts(Font);
  await loadTextMetrics(Font);
  return Promise.all(
    [400, 700].map(async (fontWeight) => {
      const source = Font.getFont({ fontFamily: FONT_FAMILY, fontWeight }) as unknown as {
        load(): Promise<void>;
        data: ShapingFont;
      };
      await source.load();
      return source.data;
    }),
  );
}

/** The dossier as stock react-pdf renders it: the same planned pages, no word cache. */
async function stockRender(payload: DossierPayload, seal: DossierSeal): Promise<Buffer> {
  const { Font, renderToBuffer } = await loadReactPdf();
  registerDossierFonts(Font);
  const pages = planDossier(payload, seal, await loadTextMetrics(Font));
  return renderToBuffer(
    createElement(DossierDocument, { payload, seal, pages }) as Parameters<typeof renderToBuffer>[0],
  );
}

describe("[DOSSIER] word-by-word shaping", () => {
  it("no lookup of DejaVu Sans reaches across a space: a run shaped word by word is the run shaped whole", async () => {
    const chars = [
      ..."\nAaBbÉéÈèÊêËëÀàÂâÇçÎîÏïÔôŒœÙùÛûÜüŸÿfilTVWYjrvwy0123456789.,:;!?'’\"«»()[]/-–—…%€≥≤•·@#&*+=_\u00a0\u202f",
    ];
    for (const font of await fonts()) {
      for (const script of ["latn", "zzzz"]) {
        const mismatches: string[] = [];
        for (const a of chars) {
          if (a === "\n") continue;
          for (const b of chars) {
            const whole = font.layout(`${a}f ${b}`, undefined, script, undefined, "ltr");
            const left = font.layout(`${a}f `, undefined, script, undefined, "ltr");
            const right = font.layout(b, undefined, script, undefined, "ltr");
            if (
              signature(whole) !==
              signature({
                glyphs: [...left.glyphs, ...right.glyphs],
                positions: [...left.positions, ...right.positions],
              })
            )
              mismatches.push(`${a}f ${b}`);
          }
        }
        expect(mismatches).toEqual([]);
      }
    }
  }, 60_000);

  it("shapes like fontkit while a render is on, and exactly as before outside one", async () => {
    const texts = [
      "Part des applications raccordées au référentiel unique d'identités",
      "Cible\u202f: ≥ 90\u202f% des applications",
      "  deux  espaces, « guillemets » et fin de ligne\n",
      "87 % (26 / 30 applications)",
      "1\u202f234\u202f567\u00a0€",
      "Ελληνικά et français", // another script: shaped whole
      "e\u0301 accent combinant", // a combining mark: shaped whole
    ];
    for (const font of await fonts()) {
      const before = texts.map((t) => signature(font.layout(t, undefined, undefined, undefined, "ltr")));
      const during = await withWordShaping([font], async () =>
        texts.map((t) => signature(font.layout(t, undefined, undefined, undefined, "ltr"))),
      );
      expect(during).toEqual(before);
    }
  });

  it("writes the very same PDF bytes as a render without it", async () => {
    const payload = samplePayload({ draft: true });
    const seal = makeSeal("https://socle.test", null, new Date("2026-07-01T08:00:00Z"));
    const plain = await stockRender(payload, seal);
    const { bytes, fallback } = await renderDossierPdf(payload, seal);
    expect(fallback).toBe(false);
    expect(Buffer.compare(bytes, plain)).toBe(0);
    // Line breaks stay in DejaVu (fixLayoutFont): no Helvetica fallback in the PDF.
    expect(bytes.toString("latin1")).not.toMatch(/BaseFont\s*\/Helvetica/);
  }, 60_000);

  it("writes the same bytes with words cached by earlier dossiers as with none", async () => {
    const seal = makeSeal("https://socle.test", "ABCD2345EFGH", new Date("2026-07-01T08:00:00Z"));
    const other = samplePayload({ domains: 2, requirementsPerDomain: 9, annexes: 3, actions: 2 });
    const payload = samplePayload({ domains: 3, requirementsPerDomain: 7, annexes: 5, actions: 4 });
    const plain = await stockRender(payload, seal);
    clearWordCache();
    await renderDossierPdf(other, seal);
    const [regular] = await fonts();
    expect(cachedWordCount(regular!)).toBeGreaterThan(50);
    const first = await renderDossierPdf(payload, seal);
    const again = await renderDossierPdf(payload, seal);
    expect(Buffer.compare(first.bytes, plain)).toBe(0);
    expect(Buffer.compare(again.bytes, plain)).toBe(0);
  }, 60_000);

  it("keeps at most MAX_WORDS_PER_FONT words a font", async () => {
    const [regular] = await fonts();
    clearWordCache();
    await withWordShaping([regular!], async () => {
      for (let i = 0; i <= MAX_WORDS_PER_FONT + 10; i++)
        regular!.layout(`mot${i} `, undefined, undefined, undefined, "ltr");
    });
    expect(cachedWordCount(regular!)).toBeLessThanOrEqual(MAX_WORDS_PER_FONT);
    expect(cachedWordCount(regular!)).toBeGreaterThan(0);
  }, 60_000);

  it("keeps a paragraph's line feed in the font, with no advance", async () => {
    for (const font of (await fonts()) as (ShapingFont & { hasGlyphForCodePoint(codePoint: number): boolean })[]) {
      expect(font.hasGlyphForCodePoint(0x0a)).toBe(true);
      const run = font.layout("Oui\n", undefined, undefined, undefined, "ltr");
      expect(run.positions.at(-1)!.xAdvance).toBe(0);
      expect(run.positions.length).toBe(4);
    }
  });
});
