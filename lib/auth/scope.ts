import type { Prisma } from "@/generated/prisma/client";
import type { Actor, ActorMembership } from "./actor";
import { type Permission, roleGrants } from "./permissions";

// Access written once, as where clauses: "this id AND reachable by this actor for this permission".
// Every query and action loads its target through one of these. A clause list that is empty
// matches nothing (fail closed). Callers answer "not found" for a miss, whatever the reason.

const NOTHING = { id: { in: [] as string[] } };

const SCOPE_COLUMN = {
  director: "establishmentId",
  contributor: "establishmentId",
  ght_coordinator: "ghtId",
  regional_delegate: "regionId",
  ars_reviewer: "regionId",
  admin: null,
} as const;

// A membership whose scope id is missing grants nothing: `{ ghtId: null }` would otherwise match
// every establishment outside a GHT (the database CHECK forbids such rows; this is belt and braces).
function grantingMemberships(actor: Actor, permission: Permission): ActorMembership[] {
  return actor.memberships.filter((m) => {
    const column = SCOPE_COLUMN[m.role];
    return roleGrants(m.role, permission) && (column === null || Boolean(m[column]));
  });
}

function anyOf<T extends object>(clauses: (T | null)[]): T {
  const kept = clauses.filter((c): c is T => c !== null);
  if (kept.some((c) => Object.keys(c).length === 0)) return {} as T; // platform scope: everything
  return (kept.length ? { OR: kept } : NOTHING) as T;
}

export function establishmentScope(actor: Actor, permission: Permission): Prisma.EstablishmentWhereInput {
  return anyOf<Prisma.EstablishmentWhereInput>(
    grantingMemberships(actor, permission).map((m) => {
      switch (m.role) {
        case "director":
        case "contributor":
          return { id: m.establishmentId! };
        case "ght_coordinator":
          return { ghtId: m.ghtId! };
        case "regional_delegate":
        case "ars_reviewer":
          return { regionId: m.regionId! };
        case "admin":
          return {};
      }
    }),
  );
}

/**
 * Assessments: the establishment's own people see everything; the GHT coordinator and the
 * regional delegate only what the director shared; the ARS reviewer only submitted revisions.
 * The admin manages the platform, not answers: no clause.
 */
export function assessmentScope(actor: Actor, permission: Permission): Prisma.AssessmentWhereInput {
  return anyOf<Prisma.AssessmentWhereInput>(
    grantingMemberships(actor, permission).map((m) => {
      switch (m.role) {
        case "director":
        case "contributor":
          return { establishmentId: m.establishmentId! };
        case "ght_coordinator":
          return { establishment: { ghtId: m.ghtId! }, sharedWithRegion: true };
        case "regional_delegate":
          return { establishment: { regionId: m.regionId! }, sharedWithRegion: true };
        case "ars_reviewer":
          return { establishment: { regionId: m.regionId! }, status: { in: ["submitted", "superseded"] } };
        case "admin":
          return null;
      }
    }),
  );
}

export function ghtScope(actor: Actor, permission: Permission): Prisma.GhtWhereInput {
  return anyOf<Prisma.GhtWhereInput>(
    grantingMemberships(actor, permission).map((m) => {
      switch (m.role) {
        case "ght_coordinator":
          return { id: m.ghtId! };
        case "regional_delegate":
          return { regionId: m.regionId! };
        case "admin":
          return {};
        default:
          return null;
      }
    }),
  );
}

export function regionScope(actor: Actor, permission: Permission): Prisma.RegionWhereInput {
  return anyOf<Prisma.RegionWhereInput>(
    grantingMemberships(actor, permission).map((m) => {
      switch (m.role) {
        case "regional_delegate":
        case "ars_reviewer":
          return { id: m.regionId! };
        case "admin":
          return {};
        default:
          return null;
      }
    }),
  );
}

export function can(actor: Actor, permission: Permission): boolean {
  return grantingMemberships(actor, permission).length > 0;
}
