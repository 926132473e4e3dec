import type { ReactNode } from "react";
import type { AssessmentScore, CoverageMember, Gap } from "@/lib/scoring/types";
import { CoverageTable } from "./coverage-table";
import { DomainBars } from "./domain-bars";
import { GapList } from "./gap-list";
import { StatusCounts } from "./status-counts";
import { VerdictBanner } from "./verdict-banner";

type Props = Readonly<{
  score: AssessmentScore;
  /** `/establishments/…/assessments/…`, for links to the questions. */
  base: string;
  coverage?: { members: CoverageMember[]; codes: string[] } | null;
  /** The assessment whose sites the viewer may mark covered (a director's draft); else read-only. */
  siteCoverageOf?: string | null;
  /** Per-gap slot for the action plan ("Créer une action"); nothing rendered when absent. */
  actionSlot?: (gap: Gap) => ReactNode;
  /** Slot for the funding at stake, shown with the verdict; nothing rendered when absent. */
  fundingSlot?: ReactNode;
}>;

/** The whole results screen below the header: verdict, counts, domain scores, coverage, gaps. */
export function ResultsView({ score, base, coverage, siteCoverageOf, actionSlot, fundingSlot }: Props) {
  return (
    <div className="stack">
      <VerdictBanner verdict={score.verdict} base={base} fundingSlot={fundingSlot} />
      <StatusCounts counts={score.counts} />
      <DomainBars domains={score.domains} overall={score.overall} />
      {coverage ? (
        <CoverageTable members={coverage.members} codes={coverage.codes} editableFor={siteCoverageOf ?? null} />
      ) : null}
      <GapList gaps={score.gaps} base={base} actionSlot={actionSlot} />
    </div>
  );
}
