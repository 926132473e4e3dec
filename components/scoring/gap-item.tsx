import Link from "next/link";
import type { ReactNode } from "react";
import { ConfidenceMarks } from "@/components/referentials/confidence-badge";
import { ProvisionalNotes } from "@/components/referentials/provisional-notes";
import type { Gap } from "@/lib/scoring/types";

const EFFORT_LABELS = { low: "Effort faible", medium: "Effort moyen", high: "Effort important" } as const;

type Props = Readonly<{ gap: Gap; href: string; actionSlot?: ReactNode }>;

/** One gap: what is expected, what was answered, the proofs to gather and the action to take. */
export function GapItem({ gap, href, actionSlot }: Props) {
  return (
    <li className="card" id={`gap-${gap.code}`} style={{ listStyle: "none" }}>
      <div className="row" style={{ alignItems: "baseline" }}>
        <Link href={href} className="question-code">
          {gap.code}
        </Link>
        <h3 style={{ margin: 0, flex: "1 1 20rem", fontSize: "1rem" }}>{gap.label}</h3>
      </div>
      <div className="row" style={{ marginTop: "0.5rem" }}>
        {gap.kind === "missing" ? (
          <span className="badge badge-red">Manquant</span>
        ) : (
          <span className="badge badge-orange">À instruire</span>
        )}
        {gap.provisional?.blocking ? (
          <span className="badge badge-orange">Caractère bloquant provisoire</span>
        ) : gap.blocking ? (
          <span className="badge badge-red">Bloquant</span>
        ) : (
          <span className="badge badge-grey">Non bloquant</span>
        )}
        {gap.effort ? <span className="badge badge-grey">{EFFORT_LABELS[gap.effort]}</span> : null}
        <ConfidenceMarks confidence={gap.marks} />
      </div>
      <dl
        className="small"
        style={{ display: "grid", gridTemplateColumns: "max-content 1fr", gap: "0.25rem 1rem", margin: "0.75rem 0 0" }}
      >
        <dt className="muted">Réponse</dt>
        <dd style={{ margin: 0 }}>{gap.answerText}</dd>
        {gap.target ? (
          <>
            <dt className="muted">Attendu</dt>
            <dd style={{ margin: 0 }}>
              {gap.target}
              {gap.provisional?.target ? " (cible provisoire)" : ""}
            </dd>
          </>
        ) : null}
        <dt className="muted">Action recommandée</dt>
        <dd style={{ margin: 0 }}>{gap.recommendedAction}</dd>
        {gap.proofs.length > 0 ? (
          <>
            <dt className="muted">Pièces attendues</dt>
            <dd style={{ margin: 0 }}>
              <ul style={{ margin: 0, paddingLeft: "1.1rem" }}>
                {gap.proofs.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
      </dl>
      <ProvisionalNotes provisional={gap.provisional} />
      <div className="row" style={{ marginTop: "0.75rem" }}>
        <Link href={href} className="small">
          {gap.kind === "missing" ? "Revoir la réponse" : "Répondre à la question"}
        </Link>
        {actionSlot ? (
          <>
            <span className="spacer" />
            {actionSlot}
          </>
        ) : null}
      </div>
    </li>
  );
}
