// Runs in the browser before the app's code. Zod probes for eval (`new Function("")`) before its
// first object parse, to compile fast parsers; under the strict Content-Security-Policy the probe
// is refused and reported as a violation. The browser parses small forms: no need for the JIT.
//
// Zod keeps its settings on `globalThis.__zod_globalConfig` and reads them there; setting the flag
// on that object, instead of calling `z.config()`, keeps zod (31 KB gzip) out of the bundle every
// page loads first: only pages with a form load it. This is zod's internal key, so two tests guard
// it: lib/core/zod-browser-config.test.ts (the key is the object `z.config()` returns) and
// e2e/security/csp.spec.ts (no CSP violation on any page).
type ZodGlobal = { __zod_globalConfig?: Record<string, unknown> };
const holder = globalThis as ZodGlobal;
holder.__zod_globalConfig = Object.assign(holder.__zod_globalConfig ?? {}, { jitless: true });
