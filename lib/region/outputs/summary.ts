import type { CampaignComparison } from "../campaign-view";
import { type TRegionSummary, ZRegionSummary } from "./summary-schema";

// The JSON summary is a projection of the page's view object: no figure is computed here, so the
// endpoint carries the page's cells and markers. Parsed by its own schema before it leaves, so the
// published contract (OpenAPI) and the answer cannot drift apart.
export function regionSummary(view: CampaignComparison): TRegionSummary {
  return ZRegionSummary.parse({
    region: { id: view.place.id, name: view.place.name },
    campaign: view.campaign,
    asOf: view.asOf.toISOString(),
    filter: { ...view.filter, evidenceOnly: view.evidenceOnly },
    thresholds: { count: view.settings.countThreshold, statistic: view.settings.statisticThreshold },
    members: view.coverage.members,
    coverage: {
      submitted: view.coverage.cell,
      warning: view.coverage.warning,
      byCategory: view.coverage.byCategory.map((c) => ({ category: c.category, label: c.label, submitted: c.cell })),
    },
    status: {
      notStarted: view.statusCells.not_started,
      inProgress: view.statusCells.in_progress,
      submitted: view.statusCells.submitted,
    },
    verdict: { eligible: view.verdictCells.eligible, notEligible: view.verdictCells.notEligible },
    detailShared: view.detailCell,
    distribution: view.distribution,
    gaps: view.gaps,
  });
}
