import type { ComponentProps } from "react";
import type { TRequirement } from "@/lib/referentials/schemas";
import { ConfidenceMarks } from "@/components/referentials/confidence-badge";
import { ProvisionalNotes } from "@/components/referentials/provisional-notes";
import { questionId, targetText } from "./answer-labels";
import { AnswerEditor } from "./answer-editor";

type Props = Omit<ComponentProps<typeof AnswerEditor>, "requirement" | "heading" | "badges" | "help"> &
  Readonly<{ requirement: TRequirement }>;

/**
 * One question of the questionnaire. A server component: the label, badges, help, proofs and
 * target are rendered here, so neither their markup code nor the requirement's texts travel to
 * the browser; only AnswerEditor (the answer and its autosave) is a client component.
 */
export function AnswerCard({ requirement, ...rest }: Props) {
  const id = questionId(requirement.code);
  const target = targetText(requirement.answer);
  return (
    <AnswerEditor
      {...rest}
      requirement={{ code: requirement.code, answer: requirement.answer, naAllowed: requirement.naAllowed }}
      heading={
        <>
          <span className="question-code">{requirement.code}</span>
          <h3 id={`${id}-label`} className="question-label">
            {requirement.label}
          </h3>
        </>
      }
      badges={
        <>
          {requirement.provisional?.blocking ? (
            <span className="badge badge-orange">Caractère bloquant provisoire</span>
          ) : requirement.blocking ? (
            <span className="badge">Bloquant</span>
          ) : null}
          <ConfidenceMarks confidence={requirement.confidence} />
        </>
      }
      help={
        <>
          <details className="question-help">
            <summary>Aide et pièces attendues</summary>
            <p>{requirement.help}</p>
            {requirement.proofs.length ? (
              <>
                <p className="small" style={{ fontWeight: 600, marginBottom: 4 }}>
                  {requirement.provisional?.proofs
                    ? "Pièces justificatives proposées par Socle"
                    : "Pièces justificatives attendues"}
                </p>
                <ul className="small">
                  {requirement.proofs.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              </>
            ) : null}
            {requirement.confidenceNote ? (
              <p className="small muted">Note de confiance : {requirement.confidenceNote}</p>
            ) : null}
          </details>
          {target ? (
            <p className="small muted" style={{ margin: 0 }}>
              {target}
              {requirement.provisional?.target ? " (cible provisoire)" : ""}
            </p>
          ) : null}
          <ProvisionalNotes provisional={requirement.provisional} />
        </>
      }
    />
  );
}
