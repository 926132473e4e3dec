import { spawnSync } from "node:child_process";
import { createElement as h } from "react";
import { describe, expect, it } from "vitest";
import { type Block, paginate } from "./pdf/blocks";
import { DossierDocument } from "./pdf/document";
import { registerDossierFonts } from "./pdf/fonts";
import { layoutOf } from "./pdf/internals";
import { loadReactPdf, Text } from "./pdf/primitives";
import { formatDate, formatDateTime, formatEuros, formatScore, frTypo, NNBSP, slugify } from "./format";
import { makeSeal, overflowingPages, pdfPageCount, renderDossierPdf, verifyUrlFor } from "./render";
import { samplePayload } from "@/test/dossier/sample-payload";

const block = (key: string, height: number, extra: Partial<Block> = {}): Block => ({
  key,
  height,
  node: null as never,
  ...extra,
});
const keys = (pages: Block[][]) => pages.map((p) => p.map((b) => b.key));

describe("[DOSSIER] French typography", () => {
  it("puts a narrow no-break space before high punctuation and inside guillemets", () => {
    expect(frTypo("Cible: 80 %")).toBe(`Cible${NNBSP}: 80 %`);
    expect(frTypo("Cible : oui ; non ! vraiment ?")).toBe(`Cible${NNBSP}: oui${NNBSP}; non${NNBSP}! vraiment${NNBSP}?`);
    expect(frTypo("« Qualité »")).toBe(`«${NNBSP}Qualité${NNBSP}»`);
    expect(frTypo("à 10:30, https://socle.fr/verifier")).toBe("à 10:30, https://socle.fr/verifier");
  });

  it("formats euros and scores the French way", () => {
    expect(formatEuros(1234567)).toBe("1\u202f234\u202f567\u00a0€");
    expect(formatScore(87)).toMatch(/^87[\u202f\u00a0]%$/);
    expect(formatScore(null)).toBe("—");
    expect(slugify("HOP'EN — prérequis 2026")).toBe("hop-en-prerequis-2026");
    expect(formatDate("2026-07-01")).toBe("1er juillet 2026");
    expect(formatDate("2026-06-30T10:00:00Z")).toBe("30 juin 2026");
    expect(formatDateTime("2026-07-01T08:15:00Z")).toBe("1er juillet 2026 à 10:15");
  });

  it("points the QR code at /verifier/<code>", () => {
    expect(verifyUrlFor("https://socle.fr/", "ABCD2345EFGH")).toBe("https://socle.fr/verifier/ABCD-2345-EFGH");
    expect(verifyUrlFor("https://socle.fr", null)).toBe("https://socle.fr/verifier");
  });
});

describe("[DOSSIER] page planning", () => {
  it("fills pages in order and keeps a title with what follows", () => {
    const blocks = [block("a", 60), block("title", 20, { keepWithNext: true }), block("row1", 30), block("row2", 30)];
    expect(keys(paginate(blocks, 100))).toEqual([["a"], ["title", "row1", "row2"]]);
  });

  it("repeats a table's header on the page a row opens, and drops a spacer there", () => {
    const head = block("head-again", 10);
    const blocks = [
      block("row1", 60, { continuedHead: head }),
      block("row2", 60, { continuedHead: head }),
      block("gap", 10, { spacer: true }),
      block("next", 95),
    ];
    expect(keys(paginate(blocks, 100))).toEqual([["row1"], ["head-again", "row2", "gap"], ["next"]]);
  });

  it("never leaves a table's last row alone at the top of a page: the row before it comes along", () => {
    const head = block("head-again", 10);
    const row = (key: string, extra: Partial<Block> = {}) =>
      block(key, 25, { table: "t", continuedHead: head, ...extra });
    const head1 = block("head", 10, { table: "t", keepWithNext: true });
    expect(keys(paginate([head1, row("r1"), row("r2"), row("r3"), row("r4", { lastRow: true })], 100))).toEqual([
      ["head", "r1", "r2"],
      ["head-again", "r3", "r4"],
    ]);
    // Not when it would leave the header with no row: the last row goes alone.
    expect(keys(paginate([block("a", 50), head1, row("r1"), row("r2", { lastRow: true })], 100))).toEqual([
      ["a", "head", "r1"],
      ["head-again", "r2"],
    ]);
  });

  it("renders the sample dossier at the planned page count, with every page numbered", async () => {
    for (const options of [
      {},
      { requirementsPerDomain: 20, annexes: 25, actions: 12 },
      { domains: 1, requirementsPerDomain: 1, annexes: 0, actions: 0 },
    ]) {
      const { bytes, pageCount, fallback } = await renderDossierPdf(
        samplePayload(options),
        makeSeal("https://socle.test", "ABCD2345EFGH"),
      );
      expect(fallback).toBe(false);
      const text = spawnSync("pdftotext", ["-", "-"], { input: bytes }).stdout.toString("utf8");
      const footers = [...text.matchAll(/page (\d+) \/ (\d+)/g)];
      expect(footers.map((f) => Number(f[1]))).toEqual(Array.from({ length: pageCount }, (_, i) => i + 1));
    }
  }, 60_000);

  it("prints « DÉMONSTRATION » on every page of a demo dossier, draft or submitted, and nowhere otherwise", async () => {
    const pagesOf = (bytes: Uint8Array) =>
      spawnSync("pdftotext", ["-layout", "-", "-"], { input: bytes }).stdout.toString("utf8").split("\f").slice(0, -1);
    for (const draft of [true, false]) {
      const demo = await renderDossierPdf(
        samplePayload({ demo: true, draft, requirementsPerDomain: 12 }),
        makeSeal("https://socle.test", draft ? null : "ABCD2345EFGH"),
      );
      const pages = pagesOf(demo.bytes);
      expect(pages).toHaveLength(demo.pageCount);
      expect(pages.filter((p) => !p.includes("DÉMONSTRATION"))).toEqual([]);
    }
    const real = await renderDossierPdf(samplePayload(), makeSeal("https://socle.test", "ABCD2345EFGH"));
    expect(pagesOf(real.bytes).some((p) => p.includes("DÉMONSTRATION"))).toBe(false);
  }, 60_000);

  it("tells from the layout which planned page overflowed (its pages do not wrap)", async () => {
    const { Font, renderToBuffer } = await loadReactPdf();
    registerDossierFonts(Font);
    // A page holds 62 lines of body text: 40 fit, 80 do not.
    const lines = (n: number) => Array.from({ length: n }, (_, i) => h(Text, { key: i }, `ligne ${i + 1}`));
    const pages = [
      { key: "a", content: lines(40) },
      { key: "b", content: lines(80) },
      { key: "c", content: lines(3) },
    ];
    let overflowing: number[] = [];
    const element = h(DossierDocument, {
      payload: samplePayload(),
      seal: makeSeal("https://socle.test", "ABCD2345EFGH"),
      pages,
      onRender: (props: object) => {
        overflowing = overflowingPages(layoutOf(props));
      },
    });
    const bytes = await renderToBuffer(element as Parameters<typeof renderToBuffer>[0]);
    expect(pdfPageCount(bytes)).toBe(3);
    expect(overflowing).toEqual([2]);
  }, 60_000);
});
