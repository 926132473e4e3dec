import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";

/** PostgreSQL when a URL is given, else the embedded PGlite in `pgliteDir` (or an existing PGlite). */
export function createAdapter(postgresUrl: string | undefined, pglite: string | PGlite) {
  if (postgresUrl) return new PrismaPg({ connectionString: postgresUrl, max: 10 });
  if (typeof pglite !== "string") return new PrismaPGlite(pglite);
  // One PGlite per data folder per process, whoever asks: a second instance would lose writes.
  const open = ((globalThis as { soclePglite?: Map<string, PGlite> }).soclePglite ??= new Map());
  let instance = open.get(pglite);
  if (!instance) {
    mkdirSync(pglite, { recursive: true });
    instance = new PGlite(pglite);
    open.set(pglite, instance);
  }
  return new PrismaPGlite(instance);
}
