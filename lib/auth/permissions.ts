import type { ContributorFunction, Role } from "@/generated/prisma/enums";

// The one role → permission table: every access decision in the app reads it (can() and the where
// clauses in lib/auth/scope.ts, the autosave's SQL through grantsSql). Which *resources* a
// permission reaches is decided by the membership's scope (ROLE_SCOPE). Fail closed: a permission
// not listed is refused. A grant is a role, or a role held with one function ("contributor:DSI").
// No role name is written outside lib/auth/ (lib/auth/role-literals.test.ts checks it).

type Grant = Role | `${Role}:${ContributorFunction}`;

export const PERMISSIONS = {
  /** See an establishment's identity and status (name, FINESS, GHT, campaign progress). */
  "establishment.read": ["director", "contributor", "ght_coordinator", "regional_delegate", "ars_reviewer", "admin"],
  /** Read an assessment's answers and scores. Delegates and coordinators only when shared. */
  "assessment.read": ["director", "contributor", "ght_coordinator", "regional_delegate"],
  /** Answer questions (contributors only in the sections assigned to them). */
  "assessment.answer": ["director", "contributor"],
  /** Answer every section; assign sections, attest, submit, reopen, share with the region; run the action plan. */
  "assessment.manage": ["director"],
  /** May be handed sections of an assessment, and then answers only those. */
  "section.assignee": ["contributor"],
  /** May own actions of the plan, and change the status and notes of their own. */
  "action.own": ["director", "contributor"],
  /** Evidence files and the application inventory. */
  "evidence.read": ["director", "contributor"],
  /** Edit the application inventory: the IT department's map of its applications. */
  "inventory.edit": ["director", "contributor:DSI"],
  /** Download a dossier PDF: the establishment, or the ARS of its region once submitted. */
  "dossier.read": ["director", "contributor", "ars_reviewer"],
  /** The evidence bundle (every file) is the director's alone. */
  "dossier.bundle": ["director"],
  /** List a region's submitted dossiers: the ARS reviews them. */
  "region.dossiers": ["ars_reviewer"],
  "ght.read": ["ght_coordinator", "regional_delegate", "admin"],
  "region.read": ["regional_delegate", "ars_reviewer", "admin"],
  "region.funding": ["regional_delegate", "admin"],
  /** The comparison of members (participation always, shared detail, small-group rules): region or GHT. */
  "comparison.read": ["ght_coordinator", "regional_delegate"],
  /** A director's own position among peers (bands only, never another establishment). */
  "comparison.peers": ["director"],
  "platform.manage": ["admin"],
  /** Invite people to work on an establishment's assessments (the director invites contributors). */
  "establishment.invite": ["director"],
  /** How the establishment's accounts sign in: SSO only, or the password plus an e-mailed code. */
  "establishment.sign_in_policy": ["director"],
} as const satisfies Record<string, readonly Grant[]>;

export type Permission = keyof typeof PERMISSIONS;

/** The column a role's membership is scoped by; null: the whole platform. The DB CHECK says the same. */
export const ROLE_SCOPE = {
  director: "establishmentId",
  contributor: "establishmentId",
  ght_coordinator: "ghtId",
  regional_delegate: "regionId",
  ars_reviewer: "regionId",
  admin: null,
} as const satisfies Record<Role, "establishmentId" | "ghtId" | "regionId" | null>;

/** The platform's own role, scoped to no place (ROLE_SCOPE null): what `npm run admin:create` grants. */
export const PLATFORM_ROLE = "admin" satisfies Role;

/** The role a director invites people into: contributors, each with a function. */
export const INVITED_BY_DIRECTOR = "contributor" satisfies Role;

/** Roles held with a function (DSI, RSSI…). */
export const ROLES_WITH_FUNCTION: readonly Role[] = ["contributor"];

type Holder = { role: Role; function?: ContributorFunction | null };

/** Whether one membership grants `permission`, by its role or its role and function. */
export function membershipGrants(m: Holder, permission: Permission): boolean {
  const grants = PERMISSIONS[permission] as readonly Grant[];
  return grants.includes(m.role) || (!!m.function && grants.includes(`${m.role}:${m.function}`));
}

function splitGrants(permission: Permission) {
  const grants = PERMISSIONS[permission] as readonly Grant[];
  const roles = grants.filter((g): g is Role => !g.includes(":"));
  const qualified = grants.filter((g) => g.includes(":")).map((g) => g.split(":") as [Role, ContributorFunction]);
  return { roles, qualified };
}

/** The table as a where clause on Membership rows (e.g. who may own an action). */
export function grantsWhere(permission: Permission) {
  const { roles, qualified } = splitGrants(permission);
  const clauses = [{ role: { in: roles } }, ...qualified.map(([role, fn]) => ({ role, function: fn }))];
  return clauses.length === 1 ? clauses[0] : { OR: clauses };
}

/** The table as a SQL condition on a "Membership" row aliased `alias`, for hand-written statements. */
export function grantsSql(permission: Permission, alias: string): string {
  const { roles, qualified } = splitGrants(permission);
  const parts = [
    roles.length === 1
      ? `${alias}."role" = '${roles.join("")}'`
      : roles.length
        ? `${alias}."role" IN (${roles.map((r) => `'${r}'`).join(", ")})`
        : null,
    ...qualified.map(([role, fn]) => `(${alias}."role" = '${role}' AND ${alias}."function" = '${fn}')`),
  ].filter((p): p is string => p !== null);
  if (parts.length === 0) return "false";
  return parts.length === 1 ? parts.join("") : `(${parts.join(" OR ")})`;
}

export const ROLE_LABELS: Record<Role, string> = {
  director: "Direction d'établissement",
  contributor: "Contributeur",
  ght_coordinator: "Coordination de GHT",
  regional_delegate: "Délégation régionale FHF",
  ars_reviewer: "Instructeur ARS",
  admin: "Administration de la plateforme",
};
