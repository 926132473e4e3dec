// Two app instances on one PostgreSQL database and one shared data folder, behind nginx running
// deploy/nginx/socle.conf over HTTPS (self-signed certificate made by openssl). Proves that nothing
// kept in one process's memory decides access or limits: a session, an answer's version, a proof
// and failed sign-ins all count the same on both instances. Run by .ci/run:
//   DEPLOY_DATABASE_URL=postgresql://user:pw@127.0.0.1:5432/postgres node test/deploy/two-instances.mjs
// (falls back to TEST_DATABASE_URL). Ports: DEPLOY_PORT_BASE (default 3160) to +3.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, chmodSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import {
  buildOnce,
  check,
  Client,
  freshPostgresDatabase,
  prepareDatabase,
  root,
  send,
  sleep,
  startServer,
  step,
} from "./kit.mjs";

const serverUrl = process.env.DEPLOY_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (!serverUrl) throw new Error("DEPLOY_DATABASE_URL (or TEST_DATABASE_URL) must name a PostgreSQL server.");
const base = Number(process.env.DEPLOY_PORT_BASE ?? 3160);
const ports = { a: base, b: base + 1, https: base + 2, http: base + 3 };
const PUBLIC = `https://localhost:${ports.https}`;

const work = mkdtempSync(path.join(tmpdir(), "socle-two-instances-"));
chmodSync(work, 0o755); // nginx's workers (another user when run as root) write their temp files here
const cleanup = [];

try {
  step("Build (standalone), reused when the sources are unchanged");
  buildOnce();

  step("A fresh PostgreSQL database, migrated, with the demo");
  const database = await freshPostgresDatabase(serverUrl, "socle_deploy");
  cleanup.push(() => database.drop());
  const shared = {
    DATABASE_URL: database.url,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    SOCLE_DATA_DIR: path.join(work, "data"),
    EVIDENCE_DIR: path.join(work, "data", "evidence"),
    SOCLE_PUBLIC_URL: PUBLIC,
    TRUSTED_PROXIES: "1",
    SOCLE_DEMO: "1",
  };
  prepareDatabase(shared);
  const sql = new pg.Client({ connectionString: database.url });
  await sql.connect();
  cleanup.push(() => sql.end());

  step(`Two instances (${ports.a}, ${ports.b}) and nginx (HTTPS ${ports.https}, HTTP ${ports.http})`);
  const a = await startServer("instance A", ports.a, shared);
  const b = await startServer("instance B", ports.b, shared);
  cleanup.push(
    () => a.stop(),
    () => b.stop(),
  );
  const ca = makeCertificate();
  const nginx = startNginx(ca);
  cleanup.push(() => nginx.stop());
  await Promise.all([a.ready(), b.ready(), nginx.ready()]);

  step("nginx: HTTP redirects to HTTPS, HSTS sent once, pages served through both upstreams");
  const plain = await send(`http://localhost:${ports.http}/login`);
  check(plain.status === 301 && plain.headers.location === `${PUBLIC}/login`, `HTTP answered ${plain.status}`);
  for (let i = 0; i < 4; i++) {
    const login = await send(`${PUBLIC}/login`, { ca: ca.cert });
    check(login.status === 200, `GET /login through nginx answered ${login.status}`, nginx);
    const hsts = [login.headers["strict-transport-security"]].flat();
    check(hsts.length === 1 && /max-age=\d{7,}/.test(hsts[0]), `HSTS header: ${JSON.stringify(hsts)}`);
  }

  const director = new Client(PUBLIC, { ca: ca.cert });
  const signedIn = await director.signIn("directrice.ghbs@demo.socle.fr");
  check(signedIn.ok, `the director could not sign in through nginx: ${signedIn.code}`, nginx, a, b);
  check(director.cookies.has("__Secure-authjs.session-token"), "over HTTPS the session cookie is __Secure-");

  const { rows } = await sql.query(
    `SELECT a."id", rv."content"->'requirements' AS requirements FROM "Assessment" a
       JOIN "Establishment" e ON e."id" = a."establishmentId" JOIN "Campaign" c ON c."id" = a."campaignId"
       JOIN "ReferentialVersion" rv ON rv."id" = c."referentialVersionId"
      WHERE a."status" = 'draft' AND e."name" LIKE '%GHBS%' AND c."name" LIKE 'HOP''EN — prérequis%'`,
  );
  check(rows.length === 1, `expected the demo's one GHBS draft of HOP'EN prerequisites, found ${rows.length}`);
  const assessmentId = rows[0].id;
  // The demo has answered some requirements already: each series starts from the stored version.
  const [first, second] = rows[0].requirements.map((r) => r.code);
  const storedVersion = async (code) =>
    (
      await sql.query(`SELECT "version" FROM "Answer" WHERE "assessmentId" = $1 AND "requirementCode" = $2`, [
        assessmentId,
        code,
      ])
    ).rows[0]?.version ?? 0;
  const start = { first: await storedVersion(first), second: await storedVersion(second) };

  step("Saves alternate between the instances, each one building on the version the other wrote");
  const via = { a: director.at(a.url), b: director.at(b.url) };
  let version = start.first;
  for (let i = 0; i < 10; i++) {
    const instance = i % 2 === 0 ? via.a : via.b;
    const saved = await instance.request("PUT", `/api/assessments/${assessmentId}/answers`, {
      json: { requirementCode: first, kind: "unknown", comment: `enregistrement ${i}`, expectedVersion: version },
    });
    check(saved.status === 200, `save ${i} on ${instance.base} answered ${saved.status}: ${saved.body}`, a, b);
    version = saved.json().version;
  }
  check(version === start.first + 10, `the answer should be at version ${start.first + 10}, it is at ${version}`);
  const stale = await via.a.request("PUT", `/api/assessments/${assessmentId}/answers`, {
    json: { requirementCode: first, kind: "unknown", comment: "périmé", expectedVersion: version - 1 },
  });
  check(stale.status === 409, `a stale version saved on A after B's write answered ${stale.status}`);
  // And through nginx, which spreads the saves over both upstreams (checked in its access log below).
  for (let i = 0; i < 6; i++) {
    const saved = await director.request("PUT", `/api/assessments/${assessmentId}/answers`, {
      json: { requirementCode: second, kind: "unknown", comment: `via nginx ${i}`, expectedVersion: start.second + i },
    });
    check(saved.status === 200, `save ${i} through nginx answered ${saved.status}: ${saved.body}`, nginx);
  }

  step("A proof uploaded on A is downloaded on B, byte for byte; the size limit is the app's");
  const proof = Buffer.from(
    `%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n% ${randomBytes(16).toString("hex")}\n%%EOF\n`,
  );
  const uploaded = await upload(via.a, assessmentId, first, proof, "preuve.pdf");
  check(uploaded.status === 201, `upload on A answered ${uploaded.status}: ${uploaded.body}`, a);
  const { evidenceId } = uploaded.json().evidence;
  const downloaded = await via.b.request("GET", `/api/evidence/${evidenceId}`);
  check(downloaded.status === 200 && downloaded.body.equals(proof), `download on B answered ${downloaded.status}`, b);
  // Just under 20 MiB passes nginx and the app; just over is refused with a French message.
  const big = Buffer.concat([
    Buffer.from("%PDF-1.7\n"),
    Buffer.alloc(20 * 1024 * 1024 - 64, 0x20),
    Buffer.from("\n%%EOF\n"),
  ]);
  const bigUpload = await upload(director, assessmentId, second, big, "gros.pdf");
  check(bigUpload.status === 201, `a 20 MiB proof through nginx answered ${bigUpload.status}: ${bigUpload.body}`);
  const tooBig = await upload(
    director,
    assessmentId,
    second,
    Buffer.concat([big, Buffer.alloc(2 * 1024 * 1024)]),
    "trop.pdf",
  );
  check(tooBig.status === 413 && /Mo/.test(tooBig.json().error.message), `22 MiB answered ${tooBig.status}`);

  step(
    "Failed sign-ins count across instances: three wrong passwords alternately on A and B, then both make the next try wait",
  );
  const victim = "dpo.ghbs@demo.socle.fr";
  // Three failures are free per account (lib/auth/throttle.ts); the claim is counted in the database,
  // so the fourth try waits whichever instance it reaches, the right password included.
  for (let i = 0; i < 3; i++) {
    const attempt = await new Client(i % 2 === 0 ? a.url : b.url).signIn(victim, `mauvais-${i}`);
    check(!attempt.ok && attempt.code === "credentials", `wrong password ${i}: ${JSON.stringify(attempt)}`);
  }
  for (const instance of [a, b]) {
    const attempt = await new Client(instance.url).signIn(victim);
    check(
      !attempt.ok && String(attempt.code).startsWith("rate_limited"),
      `after three failures, ${instance.name} did not make the account wait: ${JSON.stringify(attempt)}`,
    );
  }

  step("A session made on one instance is honoured by the other, and its revocation too");
  const contributor = new Client(a.url);
  check((await contributor.signIn("rssi.ghbs@demo.socle.fr")).ok, "the RSSI could not sign in on A");
  const onB = contributor.at(b.url);
  const home = await onB.request("GET", "/");
  check(home.status === 200, `B answered ${home.status} to A's session`, b);
  // The platform admin disables the account through A; B refuses the session at once.
  const admin = new Client(PUBLIC, { ca: ca.cert });
  check((await admin.signIn("admin@demo.socle.fr")).ok, "the admin could not sign in through nginx");
  const { rows: users } = await sql.query(`SELECT "id", "name" FROM "User" WHERE "email" = 'rssi.ghbs@demo.socle.fr'`);
  const disable = await admin.at(a.url).request("PATCH", `/api/admin/users/${users[0].id}`, {
    json: { name: users[0].name, disabled: true },
  });
  check(disable.status === 200, `disabling the account on A answered ${disable.status}: ${disable.body}`, a);
  for (const client of [onB, contributor]) {
    const save = await client.request("PUT", `/api/assessments/${assessmentId}/answers`, {
      json: { requirementCode: second, kind: "unknown", expectedVersion: start.second + 6 },
    });
    check(save.status === 401, `${client.base} still accepted a disabled account's session (${save.status})`);
    const page = await client.request("GET", "/");
    check(
      page.status === 307 || page.status === 302,
      `${client.base} served a disabled account's page (${page.status})`,
    );
  }

  step("nginx spread the requests over both instances");
  await sleep(200);
  const upstreams = new Set(
    readFileSync(path.join(work, "access.log"), "utf8")
      .split("\n")
      .map((line) => line.split(" ").pop())
      .filter(Boolean),
  );
  check(
    upstreams.has(`127.0.0.1:${ports.a}`) && upstreams.has(`127.0.0.1:${ports.b}`),
    `nginx used only ${[...upstreams].join(", ")}`,
  );
  console.log("✓ Two instances behind nginx: sessions, saves, proofs and rate limits hold across instances.");
} finally {
  for (const undo of cleanup.reverse()) await undo();
  rmSync(work, { recursive: true, force: true });
}

/** multipart/form-data as the upload form sends it. */
async function upload(client, assessmentId, requirementCode, content, name) {
  const form = new FormData();
  form.append("requirementCode", requirementCode);
  form.append("file", new File([content], name, { type: "application/pdf" }));
  const encoded = new Response(form);
  return client.request("POST", `/api/assessments/${assessmentId}/evidence`, {
    body: Buffer.from(await encoded.arrayBuffer()),
    headers: { "content-type": encoded.headers.get("content-type") },
  });
}

function makeCertificate() {
  const cert = path.join(work, "cert.pem");
  const key = path.join(work, "key.pem");
  const result = spawnSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-days",
      "1",
      "-subj",
      "/CN=localhost",
      "-addext",
      "subjectAltName=DNS:localhost,IP:127.0.0.1",
      "-keyout",
      key,
      "-out",
      cert,
    ],
    { encoding: "utf8" },
  );
  if (result.status !== 0) throw new Error(`openssl failed: ${result.stderr}`);
  return { cert: readFileSync(cert), certPath: cert, keyPath: key };
}

/**
 * nginx in the foreground on deploy/nginx/socle.conf, with only what differs on this machine
 * replaced: ports, certificate, server name. A replacement that finds nothing fails the test, so the
 * test always runs the shipped file.
 */
function startNginx(ca) {
  let site = readFileSync(path.join(root, "deploy", "nginx", "socle.conf"), "utf8");
  const replace = (from, to) => {
    check(site.includes(from), `deploy/nginx/socle.conf no longer contains "${from}"`);
    site = site.replaceAll(from, to);
  };
  replace("server 127.0.0.1:3001", `server 127.0.0.1:${ports.a}`);
  replace("server 127.0.0.1:3002", `server 127.0.0.1:${ports.b}`);
  replace("listen 443 ssl", `listen 127.0.0.1:${ports.https} ssl`);
  replace("listen 80;", `listen 127.0.0.1:${ports.http};`);
  replace("server_name socle.example.fr;", "server_name localhost;");
  replace("return 301 https://$host$request_uri;", `return 301 https://$host:${ports.https}$request_uri;`);
  replace("/etc/ssl/certs/socle.example.fr.pem", ca.certPath);
  replace("/etc/ssl/private/socle.example.fr.key", ca.keyPath);
  site = site.replace(/^\s*listen \[::\].*$/gm, ""); // no IPv6 on every CI machine
  writeFileSync(path.join(work, "socle.conf"), site);
  mkdirSync(path.join(work, "nginx"), { recursive: true });
  const conf = path.join(work, "nginx.conf");
  writeFileSync(
    conf,
    `pid ${work}/nginx.pid;
error_log ${work}/error.log warn;
worker_processes 1;
events { worker_connections 256; }
http {
  log_format upstream '$request_method $uri $status $upstream_addr';
  access_log ${work}/access.log upstream;
  client_body_temp_path ${work}/nginx/body;
  proxy_temp_path ${work}/nginx/proxy;
  fastcgi_temp_path ${work}/nginx/fastcgi;
  uwsgi_temp_path ${work}/nginx/uwsgi;
  scgi_temp_path ${work}/nginx/scgi;
  include ${work}/socle.conf;
}
`,
  );
  const test = spawnSync("nginx", ["-t", "-q", "-c", conf, "-p", work, "-e", `${work}/error.log`], {
    encoding: "utf8",
  });
  if (test.status !== 0) throw new Error(`nginx -t refused the configuration:\n${test.stderr}`);
  const child = spawn("nginx", ["-c", conf, "-p", work, "-e", `${work}/error.log`, "-g", "daemon off;"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const server = {
    name: "nginx",
    output: () => `${output}${readFileSync(path.join(work, "error.log"), "utf8")}`,
    async ready() {
      for (let i = 0; i < 40 && child.exitCode === null; i++) {
        if (
          await send(`http://localhost:${ports.http}/`).then(
            () => true,
            () => false,
          )
        )
          return;
        await sleep(100);
      }
      check(false, "nginx did not start", server);
    },
    async stop() {
      if (child.exitCode === null) child.kill("SIGQUIT");
      await exited;
    },
  };
  return server;
}
