import type { RequirementStatus } from "./types";

/** French words for a status, shared by the results page, the history and the dossier. */
export const STATUS_LABELS: Record<RequirementStatus, string> = {
  met: "Rempli",
  partial: "Partiel",
  not_met: "Non rempli",
  unknown: "À instruire",
  not_applicable: "Non applicable",
};
