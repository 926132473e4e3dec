import { readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { syncShippedReferentials } from "@/lib/referentials/store";
import { seedDemoCampaigns } from "@/prisma/seed/demo-campaigns";
import { createTestDb, type TestDb } from "@/test/db";
import { demoWorld } from "@/test/fixtures/assessment";

// Ten thousand malformed requests across every JSON command route and every upload route, called
// as Next calls them (Request in, Response out) on a real database: none may answer 5xx, none may
// answer 2xx (every input is malformed by construction), and no row may change. The session is
// replaced by a chosen actor (signed out included) and the database by the test one. Route
// parameters are real ids of the demo as often as random ones, so inputs reach the commands.
// The sign-in route is next-auth's own and the GET routes take no body: both are left out.

const world = vi.hoisted(() => {
  const dir = `${process.env.TMPDIR ?? "/tmp"}/socle-fuzz-${globalThis.crypto.randomUUID()}`;
  process.env.SOCLE_DATA_DIR = dir;
  process.env.EVIDENCE_DIR = `${dir}/evidence`;
  return { dir, db: null as unknown, actor: null as unknown };
});

vi.mock("@/lib/core/db", () => ({
  get db() {
    return world.db;
  },
}));
vi.mock("@/lib/auth/current", () => ({
  getActor: async () => world.actor,
  getRouteActor: async () => world.actor,
  getRouteUserId: async () => (world.actor as Actor | null)?.id ?? null,
  getRouteUser: async () => {
    const actor = world.actor as (Actor & { sessionVersion?: number }) | null;
    return actor ? { id: actor.id, sessionVersion: actor.sessionVersion ?? 0 } : null;
  },
  requireActor: async () => world.actor,
}));
// The code step's routes read the half-signed-in cookie through next/headers: none here (a 401).
vi.mock("@/lib/auth/second-factor/pending-token", () => ({
  currentPendingFactor: async () => null,
  pendingFactorOfRequest: async () => null,
}));

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Route = { path: string; method: string; handler: Handler; kind: "json" | "upload" };

// Every route file under app/api is found on disk, so a new route is fuzzed without editing this list.
// Left out: next-auth's own sign-in route and the SSO start (GET only, no body; both load next-auth,
// which Vitest cannot import outside Next).
const EXCLUDED = new Set(["/api/auth/[...nextauth]", "/api/sso/[provider]/start"]);
const routeFiles = readdirSync(path.join("app", "api"), { recursive: true, encoding: "utf8" })
  .filter((file) => path.basename(file) === "route.ts")
  .map((file) => "/api/" + path.dirname(file).split(path.sep).join("/"))
  .filter((routePath) => !EXCLUDED.has(routePath))
  .sort();
const modules = Object.fromEntries(
  await Promise.all(
    routeFiles.map(
      async (routePath) => [routePath, await import(path.resolve("app" + routePath, "route.ts"))] as const,
    ),
  ),
) as Record<string, Record<string, unknown>>;

// Multipart uploads; every other route reads JSON.
const UPLOADS = new Set(["/api/assessments/[assessmentId]/evidence", "/api/verifier"]);
const ROUTES: Route[] = Object.entries(modules).flatMap(([routePath, mod]) =>
  ["POST", "PUT", "PATCH", "DELETE"]
    .filter((method) => typeof mod[method] === "function")
    .map((method) => ({
      path: routePath,
      method,
      handler: mod[method] as Handler,
      kind: UPLOADS.has(routePath) ? ("upload" as const) : ("json" as const),
    })),
);

const ORIGIN = "http://socle.test";
let t: TestDb;
let db: PrismaClient;
let actors: (Actor | null)[] = [];
const ids: Record<string, string[]> = {};
let requirementCodes: string[] = [];
let referentialText = "";

beforeAll(async () => {
  t = await createTestDb();
  db = t.db;
  world.db = db;
  const w = await demoWorld(db);
  await syncShippedReferentials(db);
  await seedDemoCampaigns(db);
  actors = [w.director, w.rssi, w.otherDirector, w.delegate, w.admin, null];
  const first = async (rows: Promise<{ id: string }[]>) => (await rows).map((r) => r.id);
  const take = { take: 3, select: { id: true } } as const;
  ids.assessmentId = await first(db.assessment.findMany(take));
  ids.campaignId = await first(db.campaign.findMany(take));
  ids.establishmentId = [w.ghbs, w.quimper];
  ids.ghtId = await first(db.ght.findMany(take));
  ids.regionId = await first(db.region.findMany(take));
  ids.userId = [w.director.id, w.rssi.id, w.admin.id];
  ids.membershipId = await first(db.membership.findMany(take));
  ids.actionId = await first(db.action.findMany(take));
  ids.linkId = await first(db.evidenceLink.findMany(take));
  ids.applicationId = await first(db.application.findMany(take));
  ids.parameterId = await first(db.fundingParameter.findMany(take));
  const version = await db.referentialVersion.findFirstOrThrow({ where: { referentialId: "hopen-socle" } });
  requirementCodes = (version.content as { requirements: { code: string }[] }).requirements.map((r) => r.code);
  referentialText = readFileSync(path.join("data", "referentials", "hopen-socle", "2019.2.yaml"), "utf8");
});

afterAll(async () => {
  await t?.close();
  rmSync(world.dir, { recursive: true, force: true });
});

// ─── Malformed bodies ────────────────────────────────────────────────────────

type Body = { contentType: string; body: string | Uint8Array; declaredLength?: number };
const json = (value: unknown): Body => ({ contentType: "application/json", body: JSON.stringify(value) });

// Field names the schemas use: an object made only of these, each holding a nested object or an
// array of objects, fails every schema (no field of any route accepts that).
const FIELDS = [
  "name",
  "title",
  "email",
  "password",
  "disabled",
  "role",
  "establishmentId",
  "ghtId",
  "regionId",
  "finess",
  "departement",
  "requirementCode",
  "kind",
  "value",
  "comment",
  "justification",
  "expectedVersion",
  "sectionCode",
  "userId",
  "sharing",
  "campaignId",
  "year",
  "opensOn",
  "closesOn",
  "referentialVersionId",
  "establishmentIds",
  "status",
  "dueOn",
  "owner",
  "evidenceId",
  "text",
  "mode",
  "fileName",
  "code",
  "amount",
  "programme",
  "reason",
];
const nested = fc.oneof(
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { minKeys: 1, maxKeys: 3 }),
  fc.array(fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 2 }), {
    minLength: 1,
    maxLength: 3,
  }),
);
const withNul = fc.tuple(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 })).map(([a, b]) => `${a}\u0000${b}`);

/** Raw bytes that do not read as a JSON object: routes parse JSON whatever the declared type. */
const notAnObject = (maxLength: number) =>
  fc.uint8Array({ minLength: 1, maxLength }).filter((bytes) => {
    try {
      const value: unknown = JSON.parse(Buffer.from(bytes).toString("utf8"));
      return value === null || typeof value !== "object" || Array.isArray(value);
    } catch {
      return true;
    }
  });

const jsonBodies: fc.Arbitrary<Body> = fc.oneof(
  // Not JSON at all, or cut short.
  fc
    .string({ minLength: 1, maxLength: 200 })
    .filter((s) => {
      try {
        JSON.parse(s);
        return false;
      } catch {
        return true;
      }
    })
    .map((body) => ({ contentType: "application/json", body })),
  fc
    .jsonValue({ maxDepth: 3 })
    .map((v) => ({ contentType: "application/json", body: JSON.stringify(v).slice(0, -1) || "{" })),
  // JSON, but not an object.
  fc
    .jsonValue({ maxDepth: 3 })
    .filter((v) => v === null || typeof v !== "object" || Array.isArray(v))
    .map(json),
  // An object with a field no schema has (every schema is strict).
  fc
    .tuple(fc.dictionary(fc.constantFrom(...FIELDS), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }), fc.string())
    .map(([o, k]) => json({ ...o, [`fuzz_${k}`]: 1 })),
  // Known fields, each of a type none accepts.
  fc.dictionary(fc.constantFrom(...FIELDS), nested, { minKeys: 1, maxKeys: 5 }).map(json),
  // U+0000 in a value or a key (PostgreSQL cannot store it).
  fc
    .tuple(
      fc.constantFrom(...FIELDS),
      withNul,
      fc.dictionary(fc.constantFrom(...FIELDS), fc.jsonValue({ maxDepth: 1 })),
    )
    .map(([field, text, rest]) => json({ ...rest, [field]: text })),
  withNul.map((key) => json({ [key]: "x" })),
  // Larger than any route reads (declared, so nothing is read).
  fc.constant({ contentType: "application/json", body: "{}", declaredLength: 5 * 1024 * 1024 }),
  // A referential file, valid but for a U+0000 in its title; a CSV import with one.
  fc.string({ maxLength: 20 }).map((s) =>
    json({
      fileName: "referentiel.yaml",
      text: referentialText
        .replace('version: "2019.2"', `version: "9.${s.length}"`)
        .replace(
          'title: "HOP\'EN — Prérequis du socle commun"',
          `title: "HOP'EN \\0 ${JSON.stringify(s).slice(1, -1)}"`,
        ),
    }),
  ),
  fc.string({ maxLength: 50 }).map((s) => json({ text: `nom;éditeur\n${s}\u0000;x\n`, mode: "merge" })),
  // Multipart where JSON is expected (an empty body reads as {}, which a DELETE rightly accepts).
  notAnObject(64).map((body) => ({ contentType: "multipart/form-data; boundary=fuzz", body })),
);

function multipart(parts: { name: string; value: string | File }[]): Promise<Body> {
  const form = new FormData();
  for (const part of parts) form.append(part.name, part.value);
  const encoded = new Response(form);
  return encoded
    .arrayBuffer()
    .then((buffer) => ({ contentType: encoded.headers.get("content-type")!, body: new Uint8Array(buffer) }));
}

const fileNames = fc.oneof(
  fc.constantFrom("preuve.pdf", "note.docx", "photo.png", "programme.exe", "macro.docm", "", ".pdf", "a/../../b.pdf"),
  fc.string({ maxLength: 40 }),
);
// Bytes no accepted format starts with: a PDF, an image or an Office file is told by its first bytes.
const notAProof = fc
  .uint8Array({ maxLength: 2048 })
  .filter((b) => b.length === 0 || ![0x25, 0x89, 0xff, 0x50, 0x47, 0x49, 0x52].includes(b[0]!));

const uploadBodies: fc.Arbitrary<Body | Promise<Body>> = fc.oneof(
  jsonBodies,
  notAnObject(256).map((body) => ({ contentType: "multipart/form-data; boundary=xyz", body })),
  fc
    .tuple(fc.constantFrom("text/plain", "application/pdf", "application/octet-stream", ""), notAnObject(512))
    .map(([contentType, body]) => ({ contentType, body })),
  fc
    .tuple(
      fc.oneof(
        fc.nat().map((i) => requirementCodes[i % requirementCodes.length]!),
        fc.string({ maxLength: 70 }),
        withNul,
      ),
      fileNames,
      notAProof,
    )
    .map(([code, name, bytes]) =>
      multipart([
        { name: "requirementCode", value: code },
        { name: "code", value: code },
        { name: "file", value: new File([bytes as Uint8Array<ArrayBuffer>], name) },
      ]),
    ),
  fc.string({ maxLength: 70 }).map((code) => multipart([{ name: "requirementCode", value: code }])),
  fc.constant({ contentType: "multipart/form-data; boundary=x", body: "", declaredLength: 60 * 1024 * 1024 }),
);

// ─── Requests ────────────────────────────────────────────────────────────────

const paramValue = (name: string) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...(ids[name]?.length ? ids[name] : ["absent"])) },
    { weight: 1, arbitrary: fc.oneof(fc.string({ maxLength: 40 }), fc.constant("cm0000000000000000000000")) },
  );

function paramsOf(route: Route): fc.Arbitrary<Record<string, string>> {
  const names = [...route.path.matchAll(/\[(\w+)\]/g)].map((m) => m[1]!);
  return fc.record(Object.fromEntries(names.map((n) => [n, paramValue(n)])));
}

const requests = fc.constantFrom(...ROUTES).chain((route) =>
  fc.record({
    route: fc.constant(route),
    params: paramsOf(route),
    body: route.kind === "upload" ? uploadBodies : jsonBodies,
    actor: fc.nat({ max: 1_000 }),
  }),
);

async function send(route: Route, params: Record<string, string>, raw: Body | Promise<Body>): Promise<Response> {
  const { contentType, body, declaredLength } = await raw;
  const headers: Record<string, string> = { host: "socle.test", origin: ORIGIN };
  if (contentType) headers["content-type"] = contentType;
  if (declaredLength) headers["content-length"] = String(declaredLength);
  const url = `${ORIGIN}${route.path.replace(/\[(\w+)\]/g, (_, n: string) => encodeURIComponent(params[n] ?? ""))}`;
  const request = new Request(url, { method: route.method, body: body as BodyInit, headers });
  return route.handler(request, { params: Promise.resolve(params) });
}

/** Every table's row count and a digest of its rows. RateLimitHit is left out: the public verifier counts every attempt there, by design. */
async function snapshot(): Promise<Record<string, string>> {
  const tables = await db.$queryRawUnsafe<{ name: string }[]>(
    `SELECT table_name::text AS name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name NOT IN ('RateLimitHit', '_socle_migrations')
      ORDER BY 1`,
  );
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await db.$queryRawUnsafe<{ n: bigint; digest: string | null }[]>(
      `SELECT count(*) AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM "${name}" t`,
    );
    out[name] = `${row!.n}:${row!.digest}`;
  }
  return out;
}

describe("[SECURITY] fuzzing every JSON and upload route", () => {
  it(
    "answers 10,000 malformed requests with a 4xx, never a 5xx, and changes no row",
    { timeout: 600_000 },
    async () => {
      const before = await snapshot();
      expect(Object.keys(before).length).toBeGreaterThan(15);
      const byStatus = new Map<number, number>();
      const byRoute = new Map<string, number>();
      const failures: string[] = [];
      await fc.assert(
        fc.asyncProperty(requests, async ({ route, params, body, actor }) => {
          world.actor = actors[actor % actors.length];
          const response = await send(route, params, body);
          byStatus.set(response.status, (byStatus.get(response.status) ?? 0) + 1);
          const key = `${route.method} ${route.path}`;
          byRoute.set(key, (byRoute.get(key) ?? 0) + 1);
          if (response.status < 400 || response.status >= 500) {
            failures.push(
              `${key} ${JSON.stringify(params)} → ${response.status} ${(await response.text()).slice(0, 300)}`,
            );
            return false;
          }
          return true;
        }),
        { numRuns: 10_000, endOnFailure: true },
      );
      expect(failures).toEqual([]);
      expect([...byStatus.values()].reduce((a, b) => a + b, 0)).toBe(10_000);
      // Every route was reached, and the inputs went past the first checks on most of them.
      expect(byRoute.size).toBe(ROUTES.length);
      expect(await snapshot()).toEqual(before);
      console.log(
        `fuzz: ${ROUTES.length} routes, statuses ${JSON.stringify(Object.fromEntries([...byStatus].sort()))}`,
      );
    },
  );
});
