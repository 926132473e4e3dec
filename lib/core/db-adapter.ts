import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";

/** PostgreSQL when a URL is given, else the embedded PGlite in `pgliteDir` (or an existing PGlite). */
export function createAdapter(postgresUrl: string | undefined, pglite: string | PGlite) {
  if (postgresUrl) return new PrismaPg({ connectionString: postgresUrl, max: 10 });
  if (typeof pglite !== "string") return new PrismaPGlite(pglite);
  mkdirSync(pglite, { recursive: true });
  return new PrismaPGlite(new PGlite(pglite));
}
