import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type Actor, loadActor } from "@/lib/auth/actor";
import { demoFiness, seedDemo, seedPlaces } from "@/prisma/seed/seed";
import { createTestDb, type TestDb } from "@/test/db";

// GET …/inventory/export as Next calls it: the CSV goes out, and the export is in the audit trail.
const world = vi.hoisted(() => ({ db: null as unknown, actor: null as unknown }));
vi.mock("@/lib/core/db", () => ({
  get db() {
    return world.db;
  },
}));
vi.mock("@/lib/auth/current", () => ({ getActor: async () => world.actor, getRouteActor: async () => world.actor }));

const exportRoute = await import("@/app/api/establishments/[establishmentId]/inventory/export/route");

let t: TestDb;
let establishmentId = "";
const actors = {} as Record<"director" | "other", Actor>;

beforeAll(async () => {
  t = await createTestDb();
  world.db = t.db;
  await seedPlaces(t.db);
  await seedDemo(t.db);
  for (const [key, email] of [
    ["director", "directrice.ghbs@demo.socle.fr"],
    ["other", "directeur.quimper@demo.socle.fr"],
  ] as const) {
    const user = await t.db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    actors[key] = (await loadActor(t.db, user.id))!;
  }
  establishmentId = (await t.db.establishment.findUniqueOrThrow({ where: { finess: demoFiness("56", "01") } })).id;
});
afterAll(() => t.close());

const get = (actor: Actor) => {
  world.actor = actor;
  return exportRoute.GET(new Request(`http://socle.test/api/establishments/${establishmentId}/inventory/export`), {
    params: Promise.resolve({ establishmentId }),
  });
};

describe("[INVENTORY] export is audited", () => {
  it("writes who exported which establishment's inventory; a refused export writes nothing", async () => {
    const ok = await get(actors.director);
    expect(ok.status).toBe(200);
    const text = await ok.text();
    expect(text).toMatch(/^\uFEFF?nom;/);
    const rows = () => t.db.auditEvent.findMany({ where: { action: "inventory.export" } });
    expect(await rows()).toEqual([
      expect.objectContaining({
        actorId: actors.director.id,
        entity: "Establishment",
        entityId: establishmentId,
        establishmentId,
        after: expect.objectContaining({ fileName: expect.stringMatching(/^inventaire-.*\.csv$/) }),
      }),
    ]);
    expect((await get(actors.other)).status).toBe(404);
    expect(await rows()).toHaveLength(1);
  });
});
