import Link from "next/link";
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
    <div className="page-header">
      <p className="breadcrumb">
        <Link href="/">Accueil</Link> ›{" "}
        <Link href={`/establishments/${assessment.establishmentId}`}>{assessment.establishment.name}</Link> ›{" "}
        {sectionTitle ? <Link href={base}>{assessment.campaign.name}</Link> : assessment.campaign.name}
        {sectionTitle ? ` › ${sectionTitle}` : ""}
      </p>
      <div className="row">
        <h1 style={{ margin: 0 }}>{sectionTitle ?? assessment.campaign.name}</h1>
        <AssessmentStatusBadge status={assessment.status} />
        {assessment.revision > 1 ? <span className="badge badge-grey">Révision {assessment.revision}</span> : null}
      </div>
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
    </div>
  );
}
