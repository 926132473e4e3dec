// Autosave through the whole stack: HTTP, session → actor from the database, zod, scope check,
// optimistic version check, the write and its audit row. Compared with raw upserts in the same run.
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { editorsAtWork, measure, report } from "./stats";
import { signIn, startServer } from "./server";

type Key = { assessmentId: string; code: string };

/**
 * Sum of the gzip sizes of the scripts a page loads on first visit, as `next build` counts its
 * "First Load JS": the `noModule` polyfill file is left out (and reported apart) because a browser
 * that runs modules, which Next's own code requires, never downloads it.
 */
async function firstLoadJs(base: string, cookie: string, path: string): Promise<{ loaded: number; noModule: number }> {
  const html = await (await fetch(`${base}${path}`, { headers: { cookie } })).text();
  const tags = [...new Set([...html.matchAll(/<script[^>]+src="[^"]+\.js"[^>]*>/g)].map((m) => m[0]))];
  const sizes = { loaded: 0, noModule: 0 };
  for (const tag of tags) {
    const src = /src="([^"]+)"/.exec(tag)![1]!;
    const bytes = gzipSync(Buffer.from(await (await fetch(`${base}${src}`)).arrayBuffer())).length;
    sizes[/\snoModule(=|\s|>)/i.test(tag) ? "noModule" : "loaded"] += bytes;
  }
  return sizes;
}

type Editor = Key & { cookie: string; establishmentId: string };
type PlanRow = { email: string; establishmentId: string; assessmentId: string; codes: string[] };

/** One editor per answer, from the plan bench/seed-editors.ts wrote, each with its director's session. */
async function loadEditors(base: string): Promise<Editor[]> {
  const plan = JSON.parse(readFileSync(".data/bench/editors.json", "utf8")) as PlanRow[];
  const cookies = new Map<string, string>();
  for (const email of new Set(plan.map((p) => p.email))) cookies.set(email, await signIn(base, email));
  return plan.flatMap((p) =>
    p.codes.map((code) => ({
      assessmentId: p.assessmentId,
      establishmentId: p.establishmentId,
      code,
      cookie: cookies.get(p.email)!,
    })),
  );
}

/** `database`: "PGlite" (the default server) or a fresh PostgreSQL database's URL. */
export async function benchAutosave(
  rawSequentialPerSecond: number,
  database: { label: string; url?: string },
): Promise<void> {
  const server = await startServer(3300, database.url ?? "");
  const on = database.label;
  try {
    const { base } = server;
    const editors = await loadEditors(base);
    // Each answer's version is tracked as its browser tab would; one save in flight per answer.
    const versions = new Map<string, number>();
    const locks = new Map<string, Promise<void>>();
    const keyOf = (e: Editor) => `${e.assessmentId}:${e.code}`;
    const put = (e: Editor, body: object) =>
      fetch(`${base}/api/assessments/${e.assessmentId}/answers`, {
        method: "PUT",
        headers: { cookie: e.cookie, origin: base, "content-type": "application/json" },
        body: JSON.stringify({ requirementCode: e.code, ...body }),
      });
    for (const e of editors) {
      const first = (await (await put(e, { kind: "unknown", expectedVersion: 0 })).json()) as {
        version?: number;
        error?: { details?: { current?: { version: number } } };
      };
      versions.set(keyOf(e), first.version ?? first.error?.details?.current?.version ?? 0);
    }
    const save = (pool: Editor[]) => async (i: number) => {
      const e = pool[i % pool.length]!;
      const key = keyOf(e);
      const previous = locks.get(key) ?? Promise.resolve();
      let release!: () => void;
      locks.set(key, new Promise<void>((r) => (release = r)));
      await previous;
      try {
        const t0 = performance.now();
        const response = await put(e, {
          kind: i % 2 ? "unknown" : "value",
          value: i % 2 ? undefined : "yes",
          expectedVersion: versions.get(key),
        });
        const body = (await response.json()) as { version: number };
        if (response.status !== 200) throw new Error(`save failed ${response.status} ${JSON.stringify(body)}`);
        versions.set(key, body.version);
        return performance.now() - t0;
      } finally {
        release();
      }
    };
    const pool = editors.slice(0, 50);
    // Warm-up to steady state, as the raw baseline gets: V8 runs PGlite's WebAssembly with its
    // baseline compiler first and optimises the hot functions only after some hundreds of
    // statements, so a short warm-up would measure the compiler, not the save.
    await measure(1000, 1, save(pool));
    const sequential = await measure(1000, 1, save(pool));
    report(
      `autosave through the stack, ${on}, sequential`,
      "1,000 PUT /api/assessments/:id/answers: session + actor + zod + scope + version check + audit row",
      sequential,
    );
    console.log(
      `autosave / raw upsert ratio, ${on}: ${(sequential.perSecond / rawSequentialPerSecond).toFixed(2)} (goal ≥ 0.30)  [sequential saves/s over HTTP ÷ sequential raw Prisma upserts/s on the same kind of database (${on}), same run]`,
    );
    // 50 people filling the questionnaire at once: each autosaves about once a second (the
    // debounce is 0.7 s after the last keystroke), for 20 s. Latency is measured per request.
    const editing = await editorsAtWork(pool.length, 20_000, 1000, save(pool));
    report(
      `autosave through the stack, ${on}, ${pool.length} concurrent editors`,
      `each saving about once a second for 20 s (${editing.count} saves), ${pool.length} distinct answers, ${new Set(pool.map((e) => e.assessmentId)).size} assessments`,
      editing,
    );
    console.log(
      `autosave p95 with ${pool.length} concurrent editors, ${on}: ${editing.p95.toFixed(1)} ms (goal ≤ 30 ms)`,
    );
    // The ceiling: everyone saving back to back, no pause (a stress figure, not a usage one).
    const saturated = await measure(1000, pool.length, save(pool));
    report(
      `autosave saturation, ${on}, ${pool.length} editors back to back`,
      "1,000 saves, no think time: the server's maximum rate",
      saturated,
    );
    if (database.url) return; // the page weight does not depend on the database
    const hopen = editors.find((e) => e.code === "P1.1")!;
    const js = await firstLoadJs(
      base,
      hopen.cookie,
      `/establishments/${hopen.establishmentId}/assessments/${hopen.assessmentId}/sections/P1`,
    );
    console.log(
      `questionnaire route first-load JavaScript: ${(js.loaded / 1024).toFixed(1)} KB gzip (goal ≤ 180 KB)  [gzip sizes of the scripts /sections/P1 loads, summed; plus a ${(js.noModule / 1024).toFixed(1)} KB noModule polyfill file that module-capable browsers skip]`,
    );
  } finally {
    server.stop();
  }
}
