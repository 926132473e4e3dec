import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      "generated/**",
      ".data/**",
      "node_modules/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  {
    rules: {
      // One validated place reads the environment (lib/core/env.ts); scripts and tests are exempt.
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration through lib/core/env.ts." },
      ],
    },
  },
  {
    files: [
      "lib/core/env.ts",
      "scripts/**",
      "test/**",
      "e2e/**",
      "bench/**",
      "prisma/**",
      "playwright.config.ts",
      "vitest.config.ts",
      "prisma.config.ts",
      "**/*.test.ts",
    ],
    rules: { "no-restricted-properties": "off" },
  },
];

export default config;
