import type { EstablishmentCategory } from "@/generated/prisma/enums";

export const CATEGORY_LABELS: Record<EstablishmentCategory, string> = {
  CHU: "CHU",
  CH: "Centre hospitalier",
  EPSM: "EPSM",
  SMR: "SMR (soins médicaux et de réadaptation)",
  OTHER: "Autre",
};

const integer = new Intl.NumberFormat("fr-FR");
export const formatInteger = (value: number | null | undefined) => (value == null ? "—" : integer.format(value));
