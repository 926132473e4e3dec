// `npm test`: every layer, in order, stopping at the first that fails.
// TEST_DATABASE_URL=postgres://… also runs the integration layer on PostgreSQL.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ensureDependencies, ensurePrismaClient } from "./start.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);
const bin = (name) => path.join(root, "node_modules", ".bin", name);

const only = process.argv.slice(2);
const layers = [
  ["types", "Vérification des types (tsc)", [bin("tsc"), "--noEmit"]],
  ["lint", "Lint (eslint)", [bin("eslint"), "--max-warnings=0", "."]],
  ["format", "Mise en forme (prettier --check)", [bin("prettier"), "--check", "."]],
  ["unit", "Tests unitaires (vitest)", [bin("vitest"), "run", "--project", "unit"]],
  [
    "integration",
    "Tests d'intégration sur PGlite (vitest)",
    [bin("vitest"), "run", "--project", "integration"],
    { TEST_DATABASE_URL: "" },
  ],
  ...(process.env.TEST_DATABASE_URL
    ? [
        [
          "integration-pg",
          "Tests d'intégration sur PostgreSQL (vitest)",
          [bin("vitest"), "run", "--project", "integration"],
        ],
      ]
    : []),
  ["e2e", "Tests de bout en bout (Playwright, build de production)", [bin("playwright"), "test"]],
];

ensureDependencies();
ensurePrismaClient();
const timings = [];
for (const [id, title, [command, ...args], extraEnv = {}] of layers) {
  if (only.length && !only.includes(id)) continue;
  console.log(`\n━━ ${title} ━━`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...extraEnv } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  timings.push(`${title} : ${result.status === 0 ? "OK" : "ÉCHEC"} (${seconds} s)`);
  if (result.status !== 0) {
    console.log(`\n${timings.join("\n")}`);
    process.exit(result.status ?? 1);
  }
}
console.log(`\n━━ Résumé ━━\n${timings.join("\n")}`);
