import { STATUS_LABELS } from "@/lib/scoring/labels";
import { REQUIREMENT_STATUSES, type RequirementStatus } from "@/lib/scoring/types";

/** Met / partial / not met / à instruire / N/A, as a row of figures. */
export function StatusCounts({ counts }: Readonly<{ counts: Record<RequirementStatus, number> }>) {
  return (
    <section className="card" aria-labelledby="counts-title">
      <h2 id="counts-title">Exigences</h2>
      <dl className="grid" style={{ gridTemplateColumns: "repeat(auto-fill, minmax(130px, 1fr))", margin: 0 }}>
        {REQUIREMENT_STATUSES.map((status) => (
          <div key={status}>
            <dt className="stat-label">{STATUS_LABELS[status]}</dt>
            <dd className="stat" style={{ margin: 0 }} data-testid={`count-${status}`}>
              {counts[status]}
            </dd>
          </div>
        ))}
      </dl>
      <p className="small muted" style={{ margin: "0.5rem 0 0" }}>
        « {STATUS_LABELS.unknown} » (inconnu) : sans réponse, « je ne sais pas » ou réponse reprise de l&apos;an passé
        pas encore confirmée.
      </p>
    </section>
  );
}
