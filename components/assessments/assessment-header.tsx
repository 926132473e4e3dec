import { HOME_CRUMB, PageHeader } from "@/components/ui/page-header";
import type { LoadedAssessment } from "@/lib/assessments/access";
import { AssessmentStatusBadge } from "./status-badge";

type Props = Readonly<{
  assessment: LoadedAssessment;
  progress: { answered: number; total: number; percent: number };
  sectionTitle?: string;
}>;

export function AssessmentHeader({ assessment, progress, sectionTitle }: Props) {
  const base = `/establishments/${assessment.establishmentId}/assessments/${assessment.id}`;
  return (
    <PageHeader
      crumbs={[
        HOME_CRUMB,
        { href: `/establishments/${assessment.establishmentId}`, label: assessment.establishment.name },
        ...(sectionTitle
          ? [{ href: base, label: assessment.campaign.name }, { label: sectionTitle }]
          : [{ label: assessment.campaign.name }]),
      ]}
      title={sectionTitle ?? assessment.campaign.name}
      badges={
        <>
          <AssessmentStatusBadge status={assessment.status} />
          {assessment.revision > 1 ? <span className="badge badge-grey">Révision {assessment.revision}</span> : null}
        </>
      }
    >
      <p style={{ marginTop: "0.5rem" }}>
        {assessment.referentialVersion.title} · version {assessment.referentialVersion.version} ·{" "}
        {assessment.establishment.name}
      </p>
      <div className="row" style={{ maxWidth: 520 }}>
        <div
          className="progress"
          style={{ flex: 1 }}
          role="progressbar"
          aria-valuenow={progress.percent}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-label="Avancement global"
        >
          <span style={{ width: `${progress.percent}%` }} />
        </div>
        <strong data-testid="overall-progress">{progress.percent} %</strong>
        <span className="small muted">
          {progress.answered} / {progress.total} réponses
        </span>
      </div>
    </PageHeader>
  );
}
