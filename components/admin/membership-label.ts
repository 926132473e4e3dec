import "server-only";
import { FUNCTION_LABELS } from "@/lib/auth/describe";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import type { AdminMembership, AdminOptions } from "@/lib/admin/queries";
import type { RoleScopeChoices } from "./role-scope-fields";

/** "Contributeur (RSSI)", "Coordination de GHT", …: the role with its function. */
export function roleLabel(m: Pick<AdminMembership, "role" | "function">): string {
  return m.function ? `${ROLE_LABELS[m.role]} (${FUNCTION_LABELS[m.function]})` : ROLE_LABELS[m.role];
}

/** The scope's name: establishment, GHT, region, or the platform for the admin. */
export function scopeLabel(m: Pick<AdminMembership, "establishment" | "ght" | "region">): string {
  return m.establishment?.name ?? m.ght?.name ?? m.region?.name ?? "Toute la plateforme";
}

export const FUNCTION_OPTIONS = Object.entries(FUNCTION_LABELS).map(([value, label]) => ({ value, label }));

/** What the admin may grant a role on (disabled establishments left out), for RoleScopeFields. */
export function roleScopeChoices(options: AdminOptions): RoleScopeChoices {
  const named = (o: { id: string; name: string }) => ({ id: o.id, name: o.name });
  return {
    establishments: options.establishments.filter((e) => !e.disabled).map(named),
    ghts: options.ghts.map(named),
    regions: options.regions.map(named),
    functions: FUNCTION_OPTIONS,
  };
}
