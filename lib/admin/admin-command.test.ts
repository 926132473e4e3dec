import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { adminCommand } from "./admin-command";
import { ZRegionInput } from "./schemas";

const current = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/current", () => ({
  getActor: async () => current.actor,
  getRouteActor: async () => current.actor,
}));

const person = (role: "admin" | "director"): Actor => ({
  id: "u1",
  email: "x@y.fr",
  name: "X",
  title: null,
  memberships: [
    { role, function: null, establishmentId: role === "director" ? "e1" : null, ghtId: null, regionId: null },
  ],
});

const call = (handler: ReturnType<typeof adminCommand>, body: unknown) =>
  handler(
    new Request("http://socle.test/api/admin/regions", {
      method: "POST",
      headers: { origin: "http://socle.test", host: "socle.test", "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({}) },
  );

describe("[ADMIN] adminCommand", () => {
  const run = vi.fn(async ({ input }: { input: { code: string; name: string } }) => ({ id: "r1", ...input }));
  const handler = adminCommand(ZRegionInput, run, { successStatus: 201 });
  beforeEach(() => {
    run.mockClear();
  });

  it("[ADMIN] a non-admin gets 404 whatever the body, before any parsing", async () => {
    current.actor = person("director");
    for (const body of [{}, { code: "1" }, { code: "99", name: "Ok" }]) {
      const response = await call(handler, body);
      expect(response.status).toBe(404);
      expect((await response.json()).error.message).toMatch(/introuvable ou ne vous est pas accessible/);
    }
    expect(run).not.toHaveBeenCalled();
  });

  it("[ADMIN] an admin's bad input is a 400 with French field messages; good input reaches the action with 201", async () => {
    current.actor = person("admin");
    const bad = await call(handler, { code: "1", name: "" });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fieldErrors).toEqual({
      code: ["Le code de région compte 2 ou 3 caractères."],
      name: ["Saisissez le nom de la région."],
    });
    expect(run).not.toHaveBeenCalled();
    const good = await call(handler, { code: " 99 ", name: "Essai" });
    expect(good.status).toBe(201);
    expect(await good.json()).toEqual({ id: "r1", code: "99", name: "Essai" });
  });

  it("[ADMIN] without a session: 401", async () => {
    current.actor = null;
    expect((await call(handler, {})).status).toBe(401);
  });
});
