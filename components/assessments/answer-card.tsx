import type { ComponentProps } from "react";
import type { TRequirement } from "@/lib/referentials/schemas";
import { questionId, targetText } from "./answer-labels";
import { AnswerEditor } from "./answer-editor";

const CONFIDENCE_LABELS = { M: "Confiance moyenne", L: "À confirmer par la délégation" } as const;

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
          {requirement.blocking ? <span className="badge">Bloquant</span> : null}
          {requirement.confidence !== "H" ? (
            <span className="badge badge-orange" title={requirement.confidenceNote ?? undefined}>
              {CONFIDENCE_LABELS[requirement.confidence]}
            </span>
          ) : null}
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
                  Pièces justificatives attendues
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
            </p>
          ) : null}
        </>
      }
    />
  );
}
