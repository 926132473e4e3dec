import "server-only";
import { FUNCTION_LABELS } from "@/lib/auth/describe";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import type { AdminMembership } from "@/lib/admin/queries";

/** "Contributeur (RSSI)", "Coordination de GHT", …: the role with its function. */
export function roleLabel(m: Pick<AdminMembership, "role" | "function">): string {
  return m.function ? `${ROLE_LABELS[m.role]} (${FUNCTION_LABELS[m.function]})` : ROLE_LABELS[m.role];
}

/** The scope's name: establishment, GHT, region, or the platform for the admin. */
export function scopeLabel(m: Pick<AdminMembership, "establishment" | "ght" | "region">): string {
  return m.establishment?.name ?? m.ght?.name ?? m.region?.name ?? "Toute la plateforme";
}

export const FUNCTION_OPTIONS = Object.entries(FUNCTION_LABELS).map(([value, label]) => ({ value, label }));
