// The dossier PDF's cost, against a bare react-pdf document of the same page count and font
// rendered in the same run (so the machine's speed cancels out). Goals: warm ≤ 2 × bare through
// public APIs, warm ≤ 1 s for 20 pages. No database: the payload is synthetic
// (test/dossier/sample-payload.ts). Run once with SOCLE_DOSSIER_INTERNALS on and once off
// (bench/index.ts): the internals (lib/dossier/pdf/internals.ts) stay only if they save ≥ 20 %.
//
// Method. This part runs in a process of its own (bench/index.ts spawns dossier-main.ts), so the
// first render is really cold and no other part's heap weighs on the collector. Each round renders
// the dossier and the bare document back to back, in alternating order, each after a full garbage
// collection (so neither pays for the other's garbage); the ratio is the median of the rounds'
// ratios, which cancels drifts in the machine's speed (this machine is a VM whose speed moves by
// a third from one minute to the next) better than a ratio of medians, printed too.
import { loadavg } from "node:os";
import { createElement as h } from "react";
import { registerDossierFonts } from "@/lib/dossier/pdf/fonts";
import { Document, loadReactPdf, Page, Text } from "@/lib/dossier/pdf/primitives";
import { makeSeal, pdfPageCount, plannedPageCount, renderDossierPdf } from "@/lib/dossier/render";
import { samplePayload } from "@/test/dossier/sample-payload";
import { internalsOn } from "@/lib/dossier/pdf/internals";
import type { DossierPayload } from "@/lib/dossier/types";

const PAGES = 20;
/** BENCH_ROUNDS: fewer rounds for a smoke run that only checks the bench prints. */
const ROUNDS = Number(process.env.BENCH_ROUNDS) || 15;
const ORIGIN = "https://socle.example.fr";

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** The bare baseline: PAGES A4 pages of 30 plain lines each, DejaVu Sans, nothing else. */
function bareDocument() {
  const lines = Array.from(
    { length: 30 },
    (_, i) => `Ligne ${i + 1} : exigence, réponse de l'établissement et statut — 1 234,56 €`,
  );
  return h(
    Document,
    null,
    Array.from({ length: PAGES }, (_, p) =>
      h(
        Page,
        { key: p, size: "A4", style: { fontFamily: "DejaVu Sans", fontSize: 9, padding: 42 } },
        lines.map((line, i) => h(Text, { key: i }, line)),
      ),
    ),
  );
}

async function time<T>(run: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const result = await run();
  return [performance.now() - t0, result];
}

/** A synthetic payload planned at exactly PAGES pages (the render then confirms the count). */
async function payloadOfPages(seal: ReturnType<typeof makeSeal>): Promise<DossierPayload> {
  for (let perDomain = 1; perDomain < 200; perDomain++) {
    const payload = samplePayload({ domains: 4, requirementsPerDomain: perDomain, annexes: 12, actions: 6 });
    if ((await plannedPageCount(payload, seal)) === PAGES) return payload;
  }
  throw new Error(`could not build a ${PAGES}-page dossier`);
}

export async function benchDossier(): Promise<string[]> {
  const seal = makeSeal(ORIGIN, "ABCD2345EFGH", new Date("2026-07-01T08:00:00Z"));
  const [cold] = await time(() => renderDossierPdf(samplePayload(), seal));
  const payload = await payloadOfPages(seal);
  const check = await renderDossierPdf(payload, seal);
  if (check.pageCount !== PAGES) throw new Error(`the ${PAGES}-page dossier rendered as ${check.pageCount} pages`);

  const { renderToBuffer, Font } = await loadReactPdf();
  registerDossierFonts(Font);
  const bareBytes = await renderToBuffer(bareDocument() as Parameters<typeof renderToBuffer>[0]);
  if (pdfPageCount(bareBytes) !== PAGES) throw new Error("bare baseline is not 20 pages");

  // A full collection before each timed render, when the process was started with --expose-gc.
  const gc = (globalThis as { gc?: () => void }).gc;
  const collect = gc ?? (() => {});
  const timed = async (render: () => Promise<unknown>) => (collect(), (await time(render))[0]);
  const renderBare = () => renderToBuffer(bareDocument() as Parameters<typeof renderToBuffer>[0]);
  /** ROUNDS rounds of the dossier and the bare document back to back, in alternating order. */
  async function rounds(renderDossier: () => Promise<unknown>) {
    const dossierTimes: number[] = [];
    const bareTimes: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      if (i % 2 === 0) {
        dossierTimes.push(await timed(renderDossier));
        bareTimes.push(await timed(renderBare));
      } else {
        bareTimes.push(await timed(renderBare));
        dossierTimes.push(await timed(renderDossier));
      }
    }
    const dossier = median(dossierTimes);
    const bare = median(bareTimes);
    const ratios = dossierTimes.map((d, i) => d / bareTimes[i]!);
    const spread = `rounds' ratios ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}, ratio of medians ${(dossier / bare).toFixed(2)}`;
    return { ratio: median(ratios), dossier, bare, spread };
  }

  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  let warm: Awaited<ReturnType<typeof rounds>>;
  try {
    warm = await rounds(() => renderDossierPdf(payload, seal));
  } finally {
    clearInterval(sampler);
  }
  const rows = payload.domains.reduce((n, d) => n + d.requirements.length, 0);
  const load = loadavg()[0]!.toFixed(1);
  const workload = `${PAGES} pages: ${payload.domains.length} domain tables, ${rows} requirements, ${payload.gaps.length} gaps, ${payload.annexes.length} annexes; median of ${ROUNDS} rounds, ${gc ? "a full GC before each render" : "no forced GC"}, load average ${load}`;
  const vs = (r: typeof warm) =>
    `${r.ratio.toFixed(2)}× (dossier ${Math.round(r.dossier)} ms, bare ${Math.round(r.bare)} ms = ${PAGES} pages × 30 lines, DejaVu Sans; ${r.spread})`;
  const setting = `internals ${internalsOn() ? "on" : "off"}`;
  return [
    `dossier PDF (${setting}), warm vs bare react-pdf: ${vs(warm)} [goal ≤ 2× through public APIs; ${workload}]`,
    `dossier PDF (${setting}), warm: ${Math.round(warm.dossier)} ms for ${PAGES} pages [goal ≤ 1 s; ${workload}]`,
    `dossier PDF (${setting}), first (cold) render: ${Math.round(cold)} ms [module load, font parsing, 9-page sample dossier, fresh process]`,
    `dossier PDF (${setting}), peak RSS while rendering: ${mb(peak)} [process RSS sampled every 5 ms during the warm renders]`,
  ];
}
