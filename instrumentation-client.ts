import { z } from "zod";

// Runs in the browser before the app's code. Zod probes for eval (`new Function("")`) before its
// first object parse, to compile fast parsers; under the strict Content-Security-Policy the probe
// is refused and reported as a violation. The browser parses small forms: no need for the JIT.
z.config({ jitless: true });
