import { STATUS_LABELS } from "@/lib/scoring/labels";
import type { RequirementStatus } from "@/lib/scoring/types";

const BADGE: Record<RequirementStatus, string> = {
  met: "badge-green",
  partial: "badge-orange",
  not_met: "badge-red",
  unknown: "badge-orange",
  not_applicable: "badge-grey",
};

/** A requirement's status, in words (never colour alone). */
export function RequirementStatusBadge({ status }: Readonly<{ status: RequirementStatus }>) {
  return <span className={`badge ${BADGE[status]}`}>{STATUS_LABELS[status]}</span>;
}
