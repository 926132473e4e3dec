import type { Prisma } from "@/generated/prisma/client";
import type { Role } from "@/generated/prisma/enums";
import type { Actor, ActorMembership } from "./actor";
import { membershipGrants, type Permission, ROLE_SCOPE } from "./permissions";

// Access written once, as where clauses: "this id AND reachable by this actor for this permission".
// Every query and action loads its target through one of these. A clause list that is empty
// matches nothing (fail closed). Callers answer "not found" for a miss, whatever the reason.

const NOTHING = { id: { in: [] as string[] } };

// A membership whose scope id is missing grants nothing: `{ ghtId: null }` would otherwise match
// every establishment outside a GHT (the database CHECK forbids such rows; this is belt and braces).
function grantingMemberships(actor: Actor, permission: Permission): ActorMembership[] {
  return actor.memberships.filter((m) => {
    const column = ROLE_SCOPE[m.role];
    return membershipGrants(m, permission) && (column === null || Boolean(m[column]));
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
 * regional delegate only the submitted revisions whose detail the director shared (draft answers
 * never leave the establishment; participation is read through lib/region, not through this);
 * the ARS reviewer only submitted revisions.
 * The admin manages the platform, not answers: no rule. One table drives the where clause, the
 * in-memory check (can() given an assessment) and the autosave's SQL, so they cannot drift.
 */
const ASSESSMENT_RULES: Record<
  Role,
  { via: "establishmentId" | "ghtId" | "regionId"; only?: "sharedSubmitted" | "submitted" } | null
> = {
  director: { via: "establishmentId" },
  contributor: { via: "establishmentId" },
  ght_coordinator: { via: "ghtId", only: "sharedSubmitted" },
  regional_delegate: { via: "regionId", only: "sharedSubmitted" },
  ars_reviewer: { via: "regionId", only: "submitted" },
  admin: null,
};
const SUBMITTED = ["submitted", "superseded"] as const;

export function assessmentScope(actor: Actor, permission: Permission): Prisma.AssessmentWhereInput {
  return anyOf<Prisma.AssessmentWhereInput>(
    grantingMemberships(actor, permission).map((m) => {
      const rule = ASSESSMENT_RULES[m.role];
      if (!rule) return null;
      const where: Prisma.AssessmentWhereInput =
        rule.via === "establishmentId"
          ? { establishmentId: m.establishmentId! }
          : { establishment: { [rule.via]: m[rule.via]! } };
      if (rule.only === "sharedSubmitted") where.sharing = "detail";
      if (rule.only) where.status = { in: [...SUBMITTED] };
      return where;
    }),
  );
}

/** The facts assessmentScope filters on, for a row already read. */
export type AssessmentFacts = {
  establishmentId: string;
  ghtId: string | null;
  regionId: string;
  sharing: string;
  status: string;
};

/** assessmentScope evaluated in memory: true exactly when the where clause would match `a`. */
function reachesAssessment(actor: Actor, permission: Permission, a: AssessmentFacts): boolean {
  return grantingMemberships(actor, permission).some((m) => {
    const rule = ASSESSMENT_RULES[m.role];
    if (!rule || m[rule.via] !== a[rule.via]) return false;
    if (rule.only === "sharedSubmitted" && a.sharing !== "detail") return false;
    if (rule.only) return (SUBMITTED as readonly string[]).includes(a.status);
    return true;
  });
}

/** A place by its scope columns: an establishment, a GHT or a region (what establishmentScope matches). */
export type PlaceFacts = {
  establishmentId?: string;
  ghtId?: string | null;
  regionId?: string | null;
  status?: never;
};

/**
 * The in-memory check. Without a target: does any membership grant `permission`? With a place:
 * does a granting membership's scope hold it (as establishmentScope would match it)? With an
 * assessment's facts (they carry its status): would assessmentScope match it?
 */
export function can(actor: Actor, permission: Permission, target?: PlaceFacts | AssessmentFacts): boolean {
  if (!target) return grantingMemberships(actor, permission).length > 0;
  if (target.status !== undefined) return reachesAssessment(actor, permission, target as AssessmentFacts);
  return grantingMemberships(actor, permission).some((m) => {
    const column = ROLE_SCOPE[m.role];
    return column === null || m[column] === target[column];
  });
}

/** SQL expressions of the assessment's facts, for reachesAssessmentSql. */
export type AssessmentFactsSql = {
  establishmentId: string;
  ghtId: string;
  regionId: string;
  sharing: string;
  status: string;
};

/**
 * assessmentScope as a SQL condition, for the one statement that must check and write at once
 * (autosave, lib/assessments/answer-write.ts): true when the user `userIdSql` holds a membership,
 * on an establishment that is not disabled, that the rule table lets reach the assessment. Built
 * from ASSESSMENT_RULES and the role table only; the access matrix runs it beside the where clause.
 * Every interpolated piece is a constant of this file or a caller's column expression, never input.
 */
export function reachesAssessmentSql(permission: Permission, userIdSql: string, a: AssessmentFactsSql): string {
  const roles = (Object.keys(ASSESSMENT_RULES) as Role[]).filter(
    (role) => ASSESSMENT_RULES[role] && membershipGrants({ role }, permission),
  );
  const branches = roles.map((role) => {
    const rule = ASSESSMENT_RULES[role]!;
    const submitted = ` AND ${a.status}::text IN (${SUBMITTED.map((v) => `'${v}'`).join(", ")})`;
    const only =
      rule.only === "sharedSubmitted"
        ? ` AND ${a.sharing}::text = 'detail'${submitted}`
        : rule.only === "submitted"
          ? submitted
          : "";
    return `(m."role" = '${role}' AND m."${rule.via}" = ${a[rule.via]}${only})`;
  });
  if (branches.length === 0) return "false";
  return `EXISTS (SELECT 1 FROM "Membership" m LEFT JOIN "Establishment" me ON me."id" = m."establishmentId"
    WHERE m."userId" = ${userIdSql} AND coalesce(me."disabled", false) = false AND (${branches.join(" OR ")}))`;
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
