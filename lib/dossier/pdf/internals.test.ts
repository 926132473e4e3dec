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
  fontShapeProblems,
  type GlyphRun,
  type InternalFont,
  internalsOn,
  MAX_WORDS_PER_FONT,
  renderWordCount,
  withRenderWords,
} from "./internals";

const signature = (run: GlyphRun) =>
  run.glyphs
    .map(
      (g, i) =>
        `${g.id}:${run.positions[i]!.xAdvance},${run.positions[i]!.yAdvance},${run.positions[i]!.xOffset},${run.positions[i]!.yOffset}`,
    )
    .join(" ");

async function fonts(): Promise<InternalFont[]> {
  const { Font } = await loadReactPdf();
  registerDossierFonts(Font);
  await loadTextMetrics(Font);
  return Promise.all(
    [400, 700].map(async (fontWeight) => {
      const source = Font.getFont({ fontFamily: FONT_FAMILY, fontWeight }) as unknown as {
        load(): Promise<void>;
        data: InternalFont;
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

// Fails loudly when react-pdf, textkit or fontkit change the shape internals.ts relies on: then
// either adapt internals.ts or drop the reach (SOCLE_DOSSIER_INTERNALS=off is the stock path).
describe("[DOSSIER] the dependencies still have the shape internals.ts reaches into", () => {
  it("the switch is on by default", () => {
    expect(internalsOn()).toBe(true);
  });

  it("fontkit's font objects, as react-pdf loads them", async () => {
    const { Font } = await loadReactPdf();
    registerDossierFonts(Font);
    for (const fontWeight of [400, 700]) {
      const source = Font.getFont({ fontFamily: FONT_FAMILY, fontWeight }) as unknown as {
        load(): Promise<void>;
        data: unknown;
      };
      await source.load();
      expect(fontShapeProblems(source.data)).toEqual([]);
    }
  });

  it("react-pdf's onRender props carry the laid-out pages with their boxes", async () => {
    const { Font, renderToBuffer } = await loadReactPdf();
    registerDossierFonts(Font);
    let layout: { children?: { box?: { top: number; height: number } }[] } | undefined;
    const payload = samplePayload();
    const seal = makeSeal("https://socle.test", null, new Date("2026-07-01T08:00:00Z"));
    const pages = planDossier(payload, seal, await loadTextMetrics(Font));
    await renderToBuffer(
      createElement(DossierDocument, {
        payload,
        seal,
        pages,
        onRender: (props: object) => {
          layout = (props as { _INTERNAL__LAYOUT__DATA_?: typeof layout })._INTERNAL__LAYOUT__DATA_;
        },
      }) as Parameters<typeof renderToBuffer>[0],
    );
    expect(layout?.children?.length).toBe(pages.length);
    expect(typeof layout?.children?.[0]?.box?.height).toBe("number");
  }, 60_000);
});

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
      const during = await withRenderWords(async () =>
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
    // Line breaks stay in DejaVu (the font claims them): no Helvetica fallback in the PDF.
    expect(bytes.toString("latin1")).not.toMatch(/BaseFont\s*\/Helvetica/);
  }, 60_000);

  it("keeps the words of one render only: none outlive it, none come from another", async () => {
    const [regular] = await fonts();
    const counts = await withRenderWords(async () => {
      regular!.layout("Cible atteinte ", undefined, undefined, undefined, "ltr");
      const inFirst = renderWordCount(regular!);
      const inSecond = await withRenderWords(async () => renderWordCount(regular!));
      return { inFirst, inSecond };
    });
    expect(counts).toEqual({ inFirst: 2, inSecond: 0 });
    expect(renderWordCount(regular!)).toBe(0);
  });

  it("keeps at most MAX_WORDS_PER_FONT words a font in a render", async () => {
    const [regular] = await fonts();
    const count = await withRenderWords(async () => {
      for (let i = 0; i <= MAX_WORDS_PER_FONT + 10; i++)
        regular!.layout(`mot${i} `, undefined, undefined, undefined, "ltr");
      return renderWordCount(regular!);
    });
    expect(count).toBeLessThanOrEqual(MAX_WORDS_PER_FONT);
    expect(count).toBeGreaterThan(0);
  }, 60_000);

  it("keeps a paragraph's line feed in the font, with no advance", async () => {
    for (const font of await fonts()) {
      expect(font.hasGlyphForCodePoint(0x0a)).toBe(true);
      const run = font.layout("Oui\n", undefined, undefined, undefined, "ltr");
      expect(run.positions.at(-1)!.xAdvance).toBe(0);
      expect(run.positions.length).toBe(4);
    }
  });
});
