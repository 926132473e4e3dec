import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { createTestDb, type TestDb } from "@/test/db";
import { buildRegionalWorld } from "./world";

// The read-only JSON summary, called as Next calls it, checked against the OpenAPI document the app
// serves (a JSON Schema validator, independent of the zod schemas the document is generated from).

const world = vi.hoisted(() => ({ db: null as unknown, actor: null as unknown }));
vi.mock("@/lib/core/db", () => ({
  get db() {
    return world.db;
  },
}));
vi.mock("@/lib/auth/current", () => ({ getActor: async () => world.actor, getRouteActor: async () => world.actor }));

const summaryRoute = await import("@/app/api/region/[regionId]/campaigns/[campaignId]/summary/route");
const openApiRoute = await import("@/app/api/openapi.json/route");

let t: TestDb;
let w: Awaited<ReturnType<typeof buildRegionalWorld>>;
beforeAll(async () => {
  t = await createTestDb();
  w = await buildRegionalWorld(t.db);
  world.db = t.db;
}, 120_000);
afterAll(() => t.close());

function get(actor: Actor | null, regionId: string, query = "") {
  world.actor = actor;
  const url = `http://socle.test/api/region/${regionId}/campaigns/${w.current.id}/summary${query}`;
  return summaryRoute.GET(new Request(url), { params: Promise.resolve({ regionId, campaignId: w.current.id }) });
}

async function validator() {
  const doc = (await openApiRoute.GET().json()) as {
    openapi: string;
    paths: Record<string, { get: { responses: Record<string, { content: Record<string, { schema: object }> }> } }>;
    components: { schemas: Record<string, object> };
  };
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: "socle", components: doc.components });
  const op = doc.paths["/api/region/{regionId}/campaigns/{campaignId}/summary"]!.get;
  const ref = (op.responses["200"]!.content["application/json"]!.schema as { $ref: string }).$ref;
  return { doc, validate: ajv.getSchema(`socle${ref}`)! };
}

describe("[REGION] JSON summary and its OpenAPI document", () => {
  it("the served OpenAPI document validates the Bretagne delegate's answer", async () => {
    const { doc, validate } = await validator();
    expect(doc.openapi).toBe("3.1.0");
    const res = await get(w.actors.delegate, w.bretagne);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
    expect(body.region.name).toBe("Bretagne");
    expect(body.members).toBe(25);
    expect(body.detailShared).toMatchObject({ shown: true, value: 18 });
    expect(body.distribution[0].cell).toMatchObject({ shown: true, n: 18 });
    // Aggregates only: never a member's name.
    expect(JSON.stringify(body)).not.toMatch(/CH de Cornouaille|CH de l'Aven/);
  });

  it("carries the page's markers under a filter, and the document still validates them", async () => {
    const { validate } = await validator();
    const body = await (await get(w.actors.delegate, w.bretagne, "?departement=29")).json();
    expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
    expect(body.filter).toEqual({ departement: "29", evidenceOnly: false });
    expect(body.coverage.submitted).toEqual({ shown: true, n: 10, value: 9 });
    expect(body.distribution[0].cell).toEqual({ shown: false, n: 8, reason: "small", k: 10 });
    expect(body.distribution[0].cell).not.toHaveProperty("median");
    const epsm = await (await get(w.actors.delegate, w.bretagne, "?category=EPSM")).json();
    expect(epsm.coverage.submitted).toEqual({ shown: false, n: 2, reason: "small", k: 5 });
    expect(epsm.status.notStarted).not.toHaveProperty("value");
  });

  it("a document validator that accepts anything would be useless: a tampered answer fails", async () => {
    const { validate } = await validator();
    const body = await (await get(w.actors.delegate, w.bretagne)).json();
    expect(validate({ ...body, coverage: { ...body.coverage, submitted: { shown: false, n: 3, value: 3 } } })).toBe(
      false,
    );
  });

  it("another region, another role or no session: 404 / 401 and no figure", async () => {
    for (const actor of [w.actors.delegatePdl, w.actors.coordinator, w.actors.director]) {
      const res = await get(actor, w.bretagne);
      expect(res.status).toBe(404);
      expect(JSON.stringify(await res.json())).not.toMatch(/coverage|Bretagne/);
    }
    expect((await get(null, w.bretagne)).status).toBe(401);
  });
});
