import type { Role } from "@/generated/prisma/enums";

// The one role → permission table. Which *resources* a permission reaches is decided by the
// membership's scope, in lib/auth/scope.ts. Fail closed: a permission not listed is refused.
export const PERMISSIONS = {
  /** See an establishment's identity and status (name, FINESS, GHT, campaign progress). */
  "establishment.read": ["director", "contributor", "ght_coordinator", "regional_delegate", "ars_reviewer", "admin"],
  /** Read an assessment's answers and scores. Delegates and coordinators only when shared. */
  "assessment.read": ["director", "contributor", "ght_coordinator", "regional_delegate"],
  /** Answer questions (contributors only in the sections assigned to them). */
  "assessment.answer": ["director", "contributor"],
  /** Assign sections, attest, submit, reopen, share with the region. */
  "assessment.manage": ["director"],
  /** Evidence files and the application inventory. */
  "evidence.read": ["director", "contributor"],
  /** Download a dossier PDF: the establishment, or the ARS of its region once submitted. */
  "dossier.read": ["director", "contributor", "ars_reviewer"],
  /** The evidence bundle (every file) is the director's alone. */
  "dossier.bundle": ["director"],
  "ght.read": ["ght_coordinator", "regional_delegate", "admin"],
  "region.read": ["regional_delegate", "ars_reviewer", "admin"],
  "region.funding": ["regional_delegate", "admin"],
  /** The comparison of members (participation always, shared detail, small-group rules): region or GHT. */
  "comparison.read": ["ght_coordinator", "regional_delegate"],
  /** A director's own position among peers (bands only, never another establishment). */
  "comparison.peers": ["director"],
  "platform.manage": ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function roleGrants(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export const ROLE_LABELS: Record<Role, string> = {
  director: "Direction d'établissement",
  contributor: "Contributeur",
  ght_coordinator: "Coordination de GHT",
  regional_delegate: "Délégation régionale FHF",
  ars_reviewer: "Instructeur ARS",
  admin: "Administration de la plateforme",
};
