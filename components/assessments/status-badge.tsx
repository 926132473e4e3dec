import type { AssessmentStatus } from "@/generated/prisma/enums";

const LABELS: Record<AssessmentStatus | "none", [string, string]> = {
  none: ["Non commencée", "badge-grey"],
  draft: ["En cours", "badge-orange"],
  submitted: ["Soumise", "badge-green"],
  superseded: ["Révision remplacée", "badge-grey"],
};

export function AssessmentStatusBadge({ status }: Readonly<{ status: AssessmentStatus | null }>) {
  const [label, className] = LABELS[status ?? "none"];
  return <span className={`badge ${className}`}>{label}</span>;
}
