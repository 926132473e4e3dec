import path from "node:path";
import { defineConfig } from "prisma/config";

// The Prisma CLI is used only for `generate` and `migrate diff` between two schema files, which
// need no database. Migrations are applied by scripts/db.mjs, which speaks to PGlite or
// PostgreSQL directly (ARCHITECTURE.md, "Migrations"). With engine "js" and an adapter the CLI
// downloads no engine binary; it also wants a postgres-looking URL to read the schema.
if (!/^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "")) {
  process.env.DATABASE_URL = "postgresql://socle:socle@127.0.0.1:5432/socle";
}

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    // Never used to reach a real database: an in-memory PGlite keeps the CLI offline.
    const [{ PGlite }, { PrismaPGlite }] = await Promise.all([
      import("@electric-sql/pglite"),
      import("pglite-prisma-adapter"),
    ]);
    return new PrismaPGlite(new PGlite("memory://"));
  },
});
