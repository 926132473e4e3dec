import { describe, expect, it } from "vitest";
import type { Actor, ActorMembership } from "./actor";
import { grantsSql, grantsWhere, membershipGrants } from "./permissions";
import { can } from "./scope";

const member = (m: Partial<ActorMembership> & Pick<ActorMembership, "role">): ActorMembership => ({
  function: null,
  establishmentId: null,
  ghtId: null,
  regionId: null,
  ...m,
});
const actor = (...memberships: ActorMembership[]): Actor => ({
  id: "u",
  email: "u@example.test",
  name: "U",
  title: null,
  memberships,
});

describe("[ACCESS] the rule table's in-memory and SQL forms", () => {
  const director = member({ role: "director", establishmentId: "e1" });
  const dsi = member({ role: "contributor", function: "DSI", establishmentId: "e1" });
  const rssi = member({ role: "contributor", function: "RSSI", establishmentId: "e1" });
  const ars = member({ role: "ars_reviewer", regionId: "r1" });

  it("a grant may name a function: the inventory is edited by the director and the DSI only", () => {
    expect(membershipGrants(director, "inventory.edit")).toBe(true);
    expect(membershipGrants(dsi, "inventory.edit")).toBe(true);
    expect(membershipGrants(rssi, "inventory.edit")).toBe(false);
    expect(can(actor(dsi), "inventory.edit", { establishmentId: "e1" })).toBe(true);
    expect(can(actor(dsi), "inventory.edit", { establishmentId: "e2" })).toBe(false);
  });

  it("a place is reached through the membership's own scope column only", () => {
    expect(can(actor(director), "assessment.manage", { establishmentId: "e1" })).toBe(true);
    expect(can(actor(rssi), "assessment.manage", { establishmentId: "e1" })).toBe(false);
    expect(can(actor(ars), "region.dossiers", { regionId: "r1" })).toBe(true);
    expect(can(actor(ars), "region.dossiers", { regionId: "r2" })).toBe(false);
    // A region membership does not reach an establishment named without its region.
    expect(can(actor(ars), "establishment.read", { establishmentId: "e1" })).toBe(false);
    expect(can(actor(member({ role: "admin" })), "platform.manage", { regionId: "r9" })).toBe(true);
  });

  it("an assessment's facts apply the assessment rules (the ARS reads only submitted revisions)", () => {
    const facts = { establishmentId: "e1", ghtId: null, regionId: "r1", sharing: "detail" as const };
    expect(can(actor(ars), "dossier.read", { ...facts, status: "draft" })).toBe(false);
    expect(can(actor(ars), "dossier.read", { ...facts, status: "submitted" })).toBe(true);
  });

  it("where clause and SQL come from the same grants", () => {
    expect(grantsWhere("action.own")).toEqual({ role: { in: ["director", "contributor"] } });
    expect(grantsWhere("inventory.edit")).toEqual({
      OR: [{ role: { in: ["director"] } }, { role: "contributor", function: "DSI" }],
    });
    expect(grantsSql("assessment.manage", "d")).toBe(`d."role" = 'director'`);
    expect(grantsSql("inventory.edit", "m")).toBe(
      `(m."role" = 'director' OR (m."role" = 'contributor' AND m."function" = 'DSI'))`,
    );
  });
});
