import { describe, expect, it, vi } from "vitest";

// SOCLE_DOSSIER_INTERNALS=off: the renderer uses react-pdf's public API only. The environment is
// read when lib/core/env.ts loads, so the modules are loaded after it is set.
vi.stubEnv("SOCLE_DOSSIER_INTERNALS", "off");

describe("[DOSSIER] with the internals switch off", () => {
  it("leaves the fonts stock, reads no layout, and lets react-pdf paginate in one render", async () => {
    const { internalsOn, layoutOf, prepareFont } = await import("./internals");
    const { makeSeal, plannedPageCount, renderDossierPdf } = await import("../render");
    const { samplePayload } = await import("@/test/dossier/sample-payload");
    expect(internalsOn()).toBe(false);
    const font = { layout: () => ({ glyphs: [], positions: [] }) };
    expect(prepareFont(font)).toBe(false);
    expect(layoutOf({ _INTERNAL__LAYOUT__DATA_: { children: [] } })).toBeUndefined();

    const payload = samplePayload({ domains: 2, requirementsPerDomain: 5, annexes: 2, actions: 2 });
    const seal = makeSeal("https://socle.test", "ABCD2345EFGH", new Date("2026-07-01T08:00:00Z"));
    const warn = vi.spyOn(console, "warn");
    const { bytes, pageCount, fallback } = await renderDossierPdf(payload, seal);
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    expect(fallback).toBe(true);
    expect(pageCount).toBe(await plannedPageCount(payload, seal));
    expect(warn).not.toHaveBeenCalled(); // one render: no "rendering again"
  }, 60_000);
});
