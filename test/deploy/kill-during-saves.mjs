// `kill -9` of the server while 50 editors autosave: no save that was answered 200 may be lost.
// Every acknowledged save is recorded (requirement, version, comment); after the crash the server is
// restarted on the same data and each requirement is checked through the API itself: a save naming
// the last acknowledged version must succeed (nothing newer was stored) or get a 409 whose current
// answer is newer and is one of the saves still in flight at the kill (committed, never answered).
// An older version is a lost save. Runs on PGlite (its data folder) and, when DEPLOY_DATABASE_URL or
// TEST_DATABASE_URL names a PostgreSQL server, on a fresh database there. PGlite runs with
// fsync=off: this shows that a save survives the crash of the process, not of the machine (README,
// "Ce qui est garanti après un arrêt brutal"). Run by .ci/run:
//   node test/deploy/kill-during-saves.mjs
// Ports: DEPLOY_PORT_BASE + 4 (PGlite) and + 5 (PostgreSQL).
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { buildOnce, check, Client, freshPostgresDatabase, prepareDatabase, sleep, startServer, step } from "./kit.mjs";

const EDITORS = 50;
const ROUNDS = 2;
const base = Number(process.env.DEPLOY_PORT_BASE ?? 3160);
const serverUrl = process.env.DEPLOY_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const DIRECTORS = { GHBS: "directrice.ghbs@demo.socle.fr", Quimper: "directeur.quimper@demo.socle.fr" };

const DRAFTS_SQL = `SELECT a."id", e."name", rv."content"->'requirements' AS requirements FROM "Assessment" a
  JOIN "Establishment" e ON e."id" = a."establishmentId" JOIN "Campaign" c ON c."id" = a."campaignId"
  JOIN "ReferentialVersion" rv ON rv."id" = c."referentialVersionId" WHERE a."status" = 'draft'`;

buildOnce();
const work = mkdtempSync(path.join(tmpdir(), "socle-kill-"));
try {
  await onPglite();
  if (serverUrl) await onPostgres();
  else console.log("(PostgreSQL skipped: set DEPLOY_DATABASE_URL or TEST_DATABASE_URL)");
  console.log("✓ kill -9 during 50 editors' saves: every acknowledged save survived, on every engine tried.");
} finally {
  rmSync(work, { recursive: true, force: true });
}

async function onPglite() {
  step("PGlite: a fresh data folder with the demo");
  const dataDir = path.join(work, "pglite");
  const env = { DATABASE_URL: "", SOCLE_DATA_DIR: dataDir };
  prepareDatabase(env);
  // Read before the server opens the folder: PGlite allows one process per data folder.
  step("PGlite: reading the drafts");
  const pglite = new PGlite(path.join(dataDir, "pglite"));
  const drafts = (await pglite.query(DRAFTS_SQL)).rows;
  await pglite.close();
  await crashRounds("PGlite", base + 4, env, drafts);
}

async function onPostgres() {
  step("PostgreSQL: a fresh database with the demo");
  const database = await freshPostgresDatabase(serverUrl, "socle_kill");
  try {
    const env = { DATABASE_URL: database.url, SOCLE_DATA_DIR: path.join(work, "pg") };
    prepareDatabase(env);
    const sql = new pg.Client({ connectionString: database.url });
    await sql.connect();
    const drafts = (await sql.query(DRAFTS_SQL)).rows;
    await sql.end();
    await crashRounds("PostgreSQL", base + 5, env, drafts);
  } finally {
    await database.drop();
  }
}

async function crashRounds(engine, port, databaseEnv, drafts) {
  const env = {
    ...databaseEnv,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    SOCLE_DEMO: "1",
    SOCLE_PUBLIC_URL: `http://127.0.0.1:${port}`,
  };
  step(`${engine}: server on port ${port}, 50 editors`);
  let server = await (await startServer(`${engine} server`, port, env)).ready();
  // One session per director, shared by the editors of that establishment (the JWT outlives the crash).
  const sessions = {};
  for (const [name, email] of Object.entries(DIRECTORS)) {
    const client = new Client(server.url);
    check((await client.signIn(email)).ok, `${email} could not sign in`, server);
    sessions[name] = client;
  }
  const keys = [];
  for (const draft of drafts) {
    const owner = Object.keys(DIRECTORS).find((name) => draft.name.includes(name));
    if (!owner) continue;
    for (const { code } of draft.requirements) keys.push({ owner, assessmentId: draft.id, code });
  }
  check(keys.length >= 20, `too few requirements to edit (${keys.length})`);
  const ledger = new Map(keys.map((k) => [key(k), { known: null, acked: null, inFlight: new Set() }]));

  try {
    for (let round = 1; round <= ROUNDS; round++) {
      // Every key starts from what the server holds now (the demo answered some requirements).
      await Promise.all(keys.map((k) => learnVersion(sessions[k.owner], k, ledger.get(key(k)))));
      const stats = { acked: 0, conflicts: 0 };
      let running = true;
      const editors = Array.from({ length: EDITORS }, (_, i) => edit(i, sessions, keys, ledger, stats, () => running));
      // The kill lands after a random number of acknowledged saves (not a time: CI machines vary).
      const target = 150 + Math.floor(Math.random() * 250);
      for (const started = Date.now(); stats.acked < target && Date.now() - started < 90_000;) await sleep(5);
      const inFlight = [...ledger.values()].reduce((n, entry) => n + entry.inFlight.size, 0);
      await server.kill9();
      running = false;
      const failures = (await Promise.all(editors)).flat();
      check(failures.length === 0, `${engine}: errors before the kill:\n${failures.slice(0, 5).join("\n")}`, server);
      check(stats.acked >= 100, `${engine}: only ${stats.acked} saves acknowledged before the kill`, server);

      server = await (await startServer(`${engine} server`, port, env)).ready();
      const verdict = { exact: 0, newer: 0 };
      for (const k of keys) {
        const entry = ledger.get(key(k));
        if (!entry.acked) continue;
        const outcome = await verify(sessions[k.owner].at(server.url), k, entry);
        const kept = outcome === "exact" || outcome === "newer";
        check(kept, `${engine}: ${k.code} of ${k.owner} lost an acknowledged save: ${outcome}`, server);
        verdict[outcome]++;
      }
      console.log(
        `  ${engine}, crash ${round}: ${stats.acked} saves answered 200 (${stats.conflicts} conflicts answered 409), ` +
          `${inFlight} in flight at the kill; after restart ${verdict.exact} requirements hold their last ` +
          `acknowledged version, ${verdict.newer} a later save that was in flight; none lost.`,
      );
      for (const entry of ledger.values()) entry.inFlight.clear();
      for (const [name, client] of Object.entries(sessions)) sessions[name] = client.at(server.url);
    }
  } finally {
    await server.stop();
  }
}

function key(k) {
  return `${k.assessmentId}/${k.code}`;
}

/** One editor: saves random requirements of its establishment until the server dies. */
async function edit(index, sessions, keys, ledger, stats, running) {
  const owner = index % 2 === 0 ? "GHBS" : "Quimper";
  const mine = keys.filter((k) => k.owner === owner);
  const failures = [];
  for (let n = 0; running(); n++) {
    const k = mine[Math.floor(Math.random() * mine.length)];
    const entry = ledger.get(key(k));
    const comment = `éditeur ${index}, enregistrement ${n}, ${randomBytes(4).toString("hex")}`;
    entry.inFlight.add(comment);
    let response;
    try {
      response = await sessions[owner].request("PUT", `/api/assessments/${k.assessmentId}/answers`, {
        json: { requirementCode: k.code, kind: "unknown", comment, expectedVersion: entry.known ?? 0 },
      });
    } catch {
      return failures; // the server is gone: this save stays in flight, unanswered
    }
    entry.inFlight.delete(comment);
    if (response.status === 200) {
      const { version } = response.json();
      stats.acked++;
      if (!entry.acked || version > entry.acked.version) entry.acked = { version, comment };
      entry.known = Math.max(entry.known ?? 0, version);
    } else if (response.status === 409) {
      stats.conflicts++;
      entry.known = Math.max(entry.known ?? 0, response.json().error.details?.current?.version ?? 0);
    } else {
      failures.push(`${k.code}: ${response.status} ${response.body.toString().slice(0, 200)}`);
    }
  }
  return failures;
}

/** The stored version of a key, learnt from a 409 (a save naming version -1 is refused with the answer). */
async function learnVersion(client, k, entry) {
  const response = await client.request("PUT", `/api/assessments/${k.assessmentId}/answers`, {
    json: { requirementCode: k.code, kind: "unknown", expectedVersion: 1_000_000 },
  });
  check(response.status === 409, `learning ${k.code}'s version answered ${response.status}: ${response.body}`);
  entry.known = response.json().error.details?.current?.version ?? 0;
}

/** After the restart: "exact", "newer" (an in-flight save was committed), or a description of the loss. */
async function verify(client, k, entry) {
  const response = await client.request("PUT", `/api/assessments/${k.assessmentId}/answers`, {
    json: { requirementCode: k.code, kind: "unknown", comment: "vérification", expectedVersion: entry.acked.version },
  });
  if (response.status === 200) {
    entry.known = response.json().version;
    return "exact";
  }
  check(response.status === 409, `verifying ${k.code} answered ${response.status}: ${response.body}`);
  const current = response.json().error.details?.current;
  entry.known = current?.version ?? 0;
  if (current && current.version > entry.acked.version && entry.inFlight.has(current.comment)) return "newer";
  return `acknowledged version ${entry.acked.version} ("${entry.acked.comment}"), stored ${JSON.stringify(current)}`;
}
