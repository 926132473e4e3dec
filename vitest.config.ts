import path from "node:path";
import { defineConfig } from "vitest/config";

// Two layers: unit tests beside pure code (*.test.ts), and integration tests on a real database
// (*.integration.test.ts: a fresh PGlite per file, or TEST_DATABASE_URL's PostgreSQL).
const alias = { "@": path.resolve(__dirname), "server-only": path.resolve(__dirname, "test/server-only-stub.ts") };

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "prisma/**/*.test.ts"],
          exclude: ["**/*.integration.test.ts", "node_modules/**"],
          environment: "node",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["lib/**/*.integration.test.ts", "test/**/*.integration.test.ts"],
          environment: "node",
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Each file gets its own database; two cores, so two workers.
          maxWorkers: 2,
        },
      },
    ],
  },
});
