import type { AccessStatus } from "@/lib/invitations/queries";

const LABELS: Record<AccessStatus, string> = {
  active: "Compte activé",
  invited: "Invitation envoyée",
  expired: "Invitation expirée",
};

export function AccessStatusBadge({ status }: Readonly<{ status: AccessStatus }>) {
  return (
    <span
      className={`badge${status === "active" ? " badge-green" : status === "expired" ? " badge-orange" : " badge-grey"}`}
    >
      {LABELS[status]}
    </span>
  );
}
