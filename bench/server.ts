// Starts the production server on a fresh embedded database for the HTTP benchmarks.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { rmSync } from "node:fs";

export type BenchServer = { base: string; stop(): void };

const ENV = {
  ...process.env,
  SOCLE_DATA_DIR: ".data/bench",
  SOCLE_DEMO: "1",
  DATABASE_URL: "",
  AUTH_SECRET: "bench-only-secret-0123456789-abcdefghij",
};

/** Fresh data folder → demo data → extra assessments → `npm start`'s own steps (build if stale, serve). */
/** `databaseUrl`: a fresh, empty PostgreSQL database instead of the embedded one. */
export async function startServer(port = 3300, databaseUrl = ""): Promise<BenchServer> {
  rmSync(".data/bench", { recursive: true, force: true });
  const env = { ...ENV, DATABASE_URL: databaseUrl };
  for (const args of [["scripts/db.ts", "prepare"], ["bench/seed-editors.ts"]]) {
    const result = spawnSync("node_modules/.bin/tsx", args, { env, stdio: "ignore" });
    if (result.status !== 0) throw new Error(`tsx ${args.join(" ")} failed`);
  }
  const child: ChildProcess = spawn("node", ["scripts/start.mjs"], {
    env: { ...env, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 1200; i++) {
    if (child.exitCode !== null) throw new Error(`server exited:\n${output.slice(-2000)}`);
    if (output.includes("Socle est prêt")) return { base, stop: () => child.kill("SIGTERM") };
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill("SIGTERM");
  throw new Error("server did not start in 5 minutes");
}

/** Signs in through next-auth's credentials endpoint; returns the cookie header to send. */
export async function signIn(base: string, email: string, password = "socle-demo-2026"): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: base }),
  });
  jar.push(...response.headers.getSetCookie().map((c) => c.split(";")[0]!));
  if (!jar.some((c) => c?.includes("session-token"))) throw new Error(`sign-in failed for ${email}`);
  return jar.join("; ");
}
