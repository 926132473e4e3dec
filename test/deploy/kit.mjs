// Shared pieces of the deployment tests (test/deploy/*.mjs, run by .ci/run, not by `npm test`): the
// standalone build, throw-away databases, app processes started the way deploy/ starts them, and an
// HTTP client with a cookie jar that signs in through next-auth's own endpoints.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import http from "node:http";
import https from "node:https";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Secret, TOTP } from "otpauth";
import pg from "pg";
import { ensureBuild, ensurePrismaClient, standaloneServer } from "../../scripts/start.mjs";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const DEMO_PASSWORD = "socle-demo-2026";
/** The demo admin's public authenticator key (prisma/seed/demo-accounts.json): the admin's second factor. */
export const DEMO_TOTP_SECRETS = { "admin@demo.socle.fr": "SOCLEDEMOADMINTOTPSECRETKEY23456" };

const totpNow = (secret) =>
  new TOTP({ algorithm: "SHA1", digits: 6, period: 30, secret: Secret.fromBase32(secret) }).generate();

export const step = (title) => console.log(`▸ ${title}`);

/** Fails the test with a message (and the servers' last output, when given). */
export function check(condition, message, ...servers) {
  if (condition) return;
  for (const server of servers) console.error(`── output of ${server.name} ──\n${server.output().slice(-4000)}`);
  throw new Error(message);
}

/** The standalone build `npm start` and the e2e run use: built once, reused while the sources are unchanged. */
export function buildOnce() {
  ensurePrismaClient();
  ensureBuild({ ...process.env, NODE_ENV: "production" });
}

/** A new empty database on the PostgreSQL server of `serverUrl`; drop() removes it. */
export async function freshPostgresDatabase(serverUrl, prefix) {
  const name = `${prefix}_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch((error) => {
        console.warn(`Base ${name} non supprimée : ${error.message}`);
      });
      await dropper.end();
    },
  };
}

/** Migrations, reference data and the demo, as an operator runs them before starting the app. */
export function prepareDatabase(env) {
  const result = spawnSync(path.join(root, "node_modules", ".bin", "tsx"), ["scripts/db.ts", "prepare"], {
    cwd: root,
    env: { ...process.env, ...env, SOCLE_DEMO: "1" },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`scripts/db.ts prepare failed:\n${result.stdout}\n${result.stderr}`);
}

/**
 * One app process: `node .next/standalone/server.js` with PORT and HOSTNAME, as deploy/ runs it.
 * kill9() is the crash; stop() the ordinary end. Resolves once it is started (ready() waits for it to answer).
 */
export async function startServer(name, port, env) {
  // A server left on the port (an earlier run) would answer in this one's place.
  const taken = await send(`http://127.0.0.1:${port}/login`).then(
    () => true,
    () => false,
  );
  check(!taken, `port ${port} is already in use: stop what listens there first`);
  const child = spawn(process.execPath, [standaloneServer], {
    cwd: path.dirname(standaloneServer),
    env: { ...process.env, ...env, NODE_ENV: "production", PORT: String(port), HOSTNAME: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.once("exit", resolve));
  exited.then(() => children.delete(child));
  const server = {
    name,
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    async ready() {
      for (let i = 0; i < 240 && child.exitCode === null && child.signalCode === null; i++) {
        const status = await send(`${server.url}/login`).then(
          (r) => r.status,
          () => 0,
        );
        if (status > 0 && status < 500) return server;
        await sleep(250);
      }
      check(false, `${name} did not start`, server);
    },
    async kill9() {
      child.kill("SIGKILL");
      await exited;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
  return server;
}

// Whatever ends this test process (a failed check included) ends the servers it started.
const children = new Set();
process.on("exit", () => {
  for (const child of children) child.kill("SIGKILL");
});

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const agents = { "http:": new http.Agent({ keepAlive: true, maxSockets: 64 }) };

/** One HTTP(S) request; `ca` trusts a self-signed certificate. Resolves with status, headers and body. */
export function send(url, { method = "GET", headers = {}, body, ca } = {}) {
  const target = new URL(url);
  const transport = target.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const request = transport.request(
      target,
      { method, headers, ca, agent: target.protocol === "https:" ? undefined : agents["http:"] },
      (response) => {
        const chunks = [];
        response.on("data", (chunk) => chunks.push(chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode,
            headers: response.headers,
            body: Buffer.concat(chunks),
            json: () => JSON.parse(Buffer.concat(chunks).toString("utf8")),
          }),
        );
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

/** A browser-like client of one base URL: a cookie jar, and the Origin header a browser sends on writes. */
export class Client {
  constructor(base, { ca } = {}) {
    this.base = base;
    this.ca = ca;
    this.cookies = new Map();
  }

  /** The same session cookies, sent to another base URL (another instance, or nginx). */
  at(base) {
    const other = new Client(base, { ca: this.ca });
    other.cookies = new Map(this.cookies);
    return other;
  }

  async request(method, pathname, { json, form, body, headers = {} } = {}) {
    const all = { ...headers, cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ") };
    if (method !== "GET") all.origin = new URL(this.base).origin;
    let payload = body;
    if (json !== undefined) {
      all["content-type"] = "application/json";
      payload = JSON.stringify(json);
    } else if (form) {
      all["content-type"] = "application/x-www-form-urlencoded";
      payload = new URLSearchParams(form).toString();
    }
    const response = await send(new URL(pathname, this.base), { method, headers: all, body: payload, ca: this.ca });
    for (const line of [response.headers["set-cookie"] ?? []].flat()) {
      const [pair, ...attributes] = line.split(";");
      const at = pair.indexOf("=");
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0$/i.test(a)) || value === "";
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  /**
   * Signs in through next-auth's credentials endpoint, as the login form does. Resolves with
   * { ok: true } or { ok: false, code } (next-auth's error code: "credentials", "rate_limited"…).
   */
  async signIn(email, password = DEMO_PASSWORD) {
    const csrf = await this.request("GET", "/api/auth/csrf");
    check(csrf.status === 200, `GET /api/auth/csrf answered ${csrf.status}`);
    const { csrfToken } = csrf.json();
    const response = await this.request("POST", "/api/auth/callback/credentials", {
      form: { email, password, csrfToken, callbackUrl: new URL("/", this.base).toString() },
    });
    const location = new URL(response.headers.location ?? "/", this.base);
    if (response.status === 302 && !location.searchParams.has("error") && this.hasSession())
      return this.secondFactor(email, csrfToken);
    return { ok: false, code: location.searchParams.get("code") ?? location.searchParams.get("error") ?? "unknown" };
  }

  /** The admin's code step, as the page does it: the code, then the "second-factor" sign-in. */
  async secondFactor(email, csrfToken) {
    const session = await this.request("GET", "/api/auth/session");
    if (!session.json()?.pendingFactor) return { ok: true };
    const secret = DEMO_TOTP_SECRETS[email];
    if (!secret) return { ok: false, code: "second_factor" };
    for (let attempt = 0; attempt < 3; attempt++) {
      const verified = await this.request("POST", "/api/sign-in/second-factor", { json: { code: totpNow(secret) } });
      if (verified.status === 200) break;
      // The same code was just used by another sign-in of this account: the next one comes within 30 s.
      await new Promise((resolve) => setTimeout(resolve, 30_000 - (Date.now() % 30_000) + 500));
    }
    const finish = await this.request("POST", "/api/auth/callback/second-factor", {
      form: { csrfToken, callbackUrl: new URL("/", this.base).toString() },
    });
    const location = new URL(finish.headers.location ?? "/", this.base);
    return finish.status === 302 && !location.searchParams.has("error")
      ? { ok: true }
      : { ok: false, code: "second_factor" };
  }

  hasSession() {
    return [...this.cookies.keys()].some((name) => name.endsWith("authjs.session-token"));
  }
}
