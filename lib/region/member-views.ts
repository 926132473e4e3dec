import type { RequirementStatus } from "@/lib/scoring/types";
import type { MemberFacts, Participation } from "./members";

// What the region sees of one member, as plain data: the delegate's table and heatmap and the
// director's preview are drawn from these by the same components (components/region).

export type MemberRowView = {
  id: string;
  name: string;
  departement: string;
  ght: string | null;
  category: string;
  sizeBand: string | null;
  participation: Participation;
  /** null until submitted. */
  eligible: boolean | null;
  detailShared: boolean;
  overall: number | null;
  domains: { code: string; score: number | null }[];
};

/** status null: unknown to the viewer; declaredOnly: hidden by the "avec pièce" filter. */
export type HeatCell = {
  code: string;
  status: RequirementStatus | null;
  withEvidence: boolean;
  declaredOnly?: boolean;
};
export type HeatmapRowView = {
  id: string;
  name: string;
  /** Why there are no cells: not submitted, or detail not shared. */
  missing: "not_submitted" | "not_shared" | null;
  cells: HeatCell[];
};

export type DetailRows = {
  domainScores: Map<string, Map<string, number | null>>; // resultId → domain → score
  statuses: Map<string, Map<string, { status: RequirementStatus; withEvidence: boolean }>>; // resultId → code →
};

export function memberRowView(
  m: MemberFacts,
  domainCodes: readonly string[],
  detail: DetailRows,
  categoryLabel: (c: string) => string,
): MemberRowView {
  const scores = m.detailId ? detail.domainScores.get(m.detailId) : undefined;
  return {
    id: m.id,
    name: m.name,
    departement: `${m.departementName} (${m.departementCode})`,
    ght: m.ghtName,
    category: categoryLabel(m.category),
    sizeBand: m.sizeBand?.short ?? null,
    participation: m.participation,
    eligible: m.eligible,
    detailShared: Boolean(m.detailId),
    overall: m.detailId ? m.overallScore : null,
    domains: domainCodes.map((code) => ({ code, score: scores?.get(code) ?? null })),
  };
}

export function heatmapRowView(
  m: MemberFacts,
  requirementCodes: readonly string[],
  detail: DetailRows,
  evidenceOnly: boolean,
): HeatmapRowView {
  const statuses = m.detailId ? detail.statuses.get(m.detailId) : undefined;
  return {
    id: m.id,
    name: m.name,
    missing: m.participation !== "submitted" ? "not_submitted" : m.detailId ? null : "not_shared",
    cells: requirementCodes.map((code) => {
      const s = statuses?.get(code);
      if (!s) return { code, status: null, withEvidence: false };
      // Filtered to evidence-backed answers: a declared-only status is not counted as known.
      if (evidenceOnly && !s.withEvidence) return { code, status: null, withEvidence: false, declaredOnly: true };
      return { code, status: s.status, withEvidence: s.withEvidence };
    }),
  };
}
