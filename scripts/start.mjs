// `npm start`: everything a fresh clone needs, then the app. Each step is skipped when already done:
// install → generate the Prisma client → migrate + seed (before the server: PGlite allows one
// process per data folder) → build if the sources changed → serve.
import { spawn, spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);
const bin = (name) => path.join(root, "node_modules", ".bin", name);

function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0) {
    console.error(`\nÉchec : ${command} ${args.join(" ")}`);
    process.exit(result.status ?? 1);
  }
}

const mtime = (file) => (existsSync(file) ? statSync(file).mtimeMs : 0);

export function ensureDependencies() {
  const marker = path.join(root, "node_modules", ".package-lock.json");
  if (existsSync(marker) && mtime(marker) >= mtime(path.join(root, "package-lock.json"))) return;
  console.log("▸ Installation des dépendances (npm ci)…");
  run("npm", ["ci", "--no-audit", "--no-fund"]);
}

export function ensurePrismaClient() {
  const client = path.join(root, "generated", "prisma", "client.ts");
  if (mtime(client) >= mtime(path.join(root, "prisma", "schema.prisma"))) return;
  console.log("▸ Génération du client Prisma…");
  run(bin("prisma"), ["generate"]);
}

/** AUTH_SECRET from the environment, else one generated on first start and kept in the data folder. */
export function authSecret(dataDir) {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.join(dataDir, "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

const BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "generated",
  "proxy.ts",
  "instrumentation.ts",
  "instrumentation-client.ts",
  "next.config.ts",
  "tsconfig.json",
  "package-lock.json",
];

function* files(entry) {
  if (!existsSync(entry)) return;
  if (statSync(entry).isFile()) {
    yield entry;
    return;
  }
  for (const child of readdirSync(entry).sort()) {
    if (!child.endsWith(".test.ts")) yield* files(path.join(entry, child));
  }
}

/** A content hash of everything the build reads: rebuild only when it changes. */
export function sourceFingerprint() {
  const hash = createHash("sha256");
  for (const input of BUILD_INPUTS) {
    for (const file of files(input)) hash.update(file).update(readFileSync(file));
  }
  return hash.digest("hex");
}

/** The standalone server that `next build` writes (next.config.ts `output: "standalone"`): what deploy/ runs. */
export const standaloneServer = path.join(root, ".next", "standalone", "server.js");

export function ensureBuild(env) {
  const stamp = path.join(root, ".next", "socle-build-fingerprint");
  const fingerprint = sourceFingerprint();
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === fingerprint && existsSync(standaloneServer)) {
    console.log("▸ Build à jour.");
    return;
  }
  console.log("▸ Construction de l'application (next build)…");
  run(bin("next"), ["build"], env);
  // The standalone folder holds the server and its traced node_modules only; the static assets and
  // public/ are copied next to it, as Next documents (they are served by the same process).
  const standalone = path.dirname(standaloneServer);
  cpSync(path.join(root, "public"), path.join(standalone, "public"), { recursive: true });
  cpSync(path.join(root, ".next", "static"), path.join(standalone, ".next", "static"), { recursive: true });
  writeFileSync(stamp, fingerprint);
}

async function waitForServer(url, child) {
  for (let i = 0; i < 240 && child.exitCode === null; i++) {
    try {
      const response = await fetch(`${url}/login`);
      if (response.status < 500) return true;
    } catch {
      /* not listening yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

async function printBanner(url, report, demo) {
  console.log(`\n  Socle est prêt : ${url}\n`);
  if (report.users === 0) {
    console.log("  Aucun compte : créez le premier administrateur avec « npm run admin:create ».\n");
    return;
  }
  if (!demo || report.demoAccounts === 0) return;
  const { password, accounts } = JSON.parse(
    readFileSync(path.join(root, "prisma", "seed", "demo-accounts.json"), "utf8"),
  );
  console.log(`  Démonstration — comptes (mot de passe : ${password}) :`);
  for (const a of accounts) console.log(`    ${a.email.padEnd(34)} ${a.description}`);
  // The admin always gives a second factor: the demo's authenticator key is public, like the password.
  for (const a of accounts.filter((account) => account.totpSecret)) {
    console.log(`\n  Démonstration — second facteur de ${a.email} : clé TOTP ${a.totpSecret}`);
    console.log("    (à saisir dans une application d'authentification : FreeOTP, Aegis, Google Authenticator…)");
  }
  console.log("");
}

/**
 * Demo accounts share one public password: while any exists, the server listens on this machine
 * only (127.0.0.1) unless HOST says otherwise. A real installation listens on every interface
 * (behind its reverse proxy) unless HOST says otherwise.
 */
/**
 * @param {{ demoAccounts: number }} report
 * @param {string | undefined} hostEnv
 */
export function listenHost(report, hostEnv = process.env.HOST) {
  if (hostEnv) return hostEnv;
  return report.demoAccounts > 0 ? "127.0.0.1" : "0.0.0.0";
}

/**
 * The demo is on by default on the embedded database only; never implied on PostgreSQL.
 * @param {Record<string, string | undefined>} envIn
 */
export function demoSetting(envIn = process.env) {
  if (envIn.SOCLE_DEMO) return envIn.SOCLE_DEMO;
  return envIn.DATABASE_URL ? "0" : "1";
}

async function main() {
  const dataDir = path.resolve(process.env.SOCLE_DATA_DIR ?? ".data");
  if (process.env.SOCLE_FRESH === "1") rmSync(dataDir, { recursive: true, force: true });
  ensureDependencies();
  ensurePrismaClient();
  const demo = demoSetting();
  const report = path.join(dataDir, "prepare-report.json");
  const env = {
    ...process.env,
    SOCLE_DATA_DIR: dataDir,
    SOCLE_DEMO: demo,
    AUTH_SECRET: authSecret(dataDir),
    AUTH_TRUST_HOST: "true",
  };
  console.log("▸ Base de données : migrations et données de référence…");
  run(bin("tsx"), ["scripts/db.ts", "prepare"], { ...env, SOCLE_PREPARE_REPORT: report });
  const prepared = JSON.parse(readFileSync(report, "utf8"));
  ensureBuild({ ...env, NODE_ENV: "production" });
  const port = process.env.PORT ?? "3000";
  const host = listenHost(prepared);
  const local = host === "0.0.0.0" || host === "::" ? "localhost" : host.includes(":") ? `[${host}]` : host;
  const url = `http://${local}:${port}`;
  // The demo's dossiers print the demo's own address; a real installation must say its public one.
  const publicUrl = process.env.SOCLE_PUBLIC_URL || (demo === "1" ? url : "");
  // HOSTNAME is the standalone server's listen address; the shell's own HOSTNAME (the machine's name) must not leak in.
  const server = spawn(process.execPath, [standaloneServer], {
    stdio: "inherit",
    env: {
      ...env,
      NODE_ENV: "production",
      PORT: port,
      HOSTNAME: host,
      ...(publicUrl ? { SOCLE_PUBLIC_URL: publicUrl } : {}),
    },
  });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
  server.on("exit", (code) => process.exit(code ?? 0));
  if (await waitForServer(url, server)) await printBanner(url, prepared, demo === "1");
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
