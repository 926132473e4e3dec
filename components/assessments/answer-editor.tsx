"use client";

import { lazy, Suspense, useState, type ReactNode } from "react";
import type { StoredAnswer } from "@/lib/assessments/answer-schemas";
import { AnswerControl, type AnswerRequirement } from "./answer-control";
import { describeValue, questionId } from "./answer-labels";
import { ComputedValue, type Computed } from "./computed-value";
import { SaveStatus } from "./save-status";
import { type Draft, useAutosave } from "./use-autosave";

// Conflicts are rare: their panel is a separate chunk, fetched when a save gets a 409. React's own
// lazy() rather than next/dynamic, whose loader would add more to every page than the panel weighs.
const ConflictPanel = lazy(() => import("./conflict-panel").then((m) => ({ default: m.ConflictPanel })));

export type ReuseOffer = {
  source: string;
  mapping: "equivalent" | "partial" | "related";
  kind: Draft["kind"];
  value: unknown;
  justification: string | null;
  fits: boolean;
};

type Props = Readonly<{
  assessmentId: string;
  /** Only what the controls need: the texts are server-rendered into the slots below. */
  requirement: AnswerRequirement;
  /** The code and label, rendered by the server (answer-card.tsx). */
  heading: ReactNode;
  /** The requirement's own badges (blocking, confidence); the "à confirmer" badge is added here. */
  badges: ReactNode;
  /** Help, expected proofs and target, rendered by the server. */
  help: ReactNode;
  initial: StoredAnswer | null;
  readOnly: boolean;
  computed?: Computed | null;
  evidence?: ReactNode;
  /**
   * Answers given in another programme's questionnaire for mapped requirements, strongest link first:
   * only an equivalent one offers to pre-fill; a partial one is shown "à revoir"; a related one is named.
   */
  reuse?: readonly ReuseOffer[];
}>;

function draftOf(answer: StoredAnswer | null): Draft {
  return {
    kind: answer?.kind ?? null,
    value: answer?.value ?? null,
    justification: answer?.justification ?? "",
    comment: answer?.comment ?? "",
  };
}

/**
 * The interactive part of a question card: the answer, its autosave, and the panels that depend on
 * what the user typed. Everything static about the requirement arrives already rendered.
 */
export function AnswerEditor({
  assessmentId,
  requirement,
  heading,
  badges,
  help,
  initial,
  readOnly,
  computed,
  evidence,
  reuse,
}: Props) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(initial));
  const [showComment, setShowComment] = useState(Boolean(initial?.comment));
  const [toConfirm, setToConfirm] = useState(initial?.needsConfirmation ?? false);
  const { state, change, retry, resolve } = useAutosave(assessmentId, requirement.code, initial);
  const id = questionId(requirement.code);
  const needsJustification =
    draft.kind === "not_applicable" || (draft.kind === "value" && computed != null && typeof draft.value === "number");

  function update(next: Partial<Draft>) {
    const merged = { ...draft, ...next };
    setDraft(merged);
    setToConfirm(false);
    change(merged);
  }

  return (
    <article
      className="question card"
      id={requirement.code}
      aria-labelledby={`${id}-label`}
      data-testid={`question-${requirement.code}`}
    >
      <header className="question-head">
        {heading}
        <div className="row" style={{ gap: "0.4rem" }}>
          {badges}
          {toConfirm ? <span className="badge badge-orange">À confirmer</span> : null}
        </div>
      </header>
      {help}
      {computed !== undefined ? (
        <ComputedValue
          computed={computed}
          draft={draft}
          disabled={readOnly}
          onUse={(value) => update({ kind: "value", value, justification: "" })}
        />
      ) : null}
      <AnswerControl requirement={requirement} draft={draft} disabled={readOnly} onChange={update} idPrefix={id} />
      {needsJustification ? (
        <div className="field">
          <label htmlFor={`${id}-justification`}>
            {draft.kind === "not_applicable"
              ? "Pourquoi cette exigence ne s'applique pas ?"
              : "Pourquoi remplacer la valeur calculée ?"}{" "}
            <span className="hint">(obligatoire)</span>
          </label>
          <textarea
            id={`${id}-justification`}
            className="textarea"
            value={draft.justification}
            disabled={readOnly}
            maxLength={2000}
            onChange={(e) => update({ justification: e.target.value })}
          />
        </div>
      ) : null}
      {showComment ? (
        <div className="field">
          <label htmlFor={`${id}-comment`}>Commentaire</label>
          <textarea
            id={`${id}-comment`}
            className="textarea"
            value={draft.comment}
            disabled={readOnly}
            maxLength={4000}
            onChange={(e) => update({ comment: e.target.value })}
          />
        </div>
      ) : readOnly ? null : (
        <button type="button" className="btn-link small" onClick={() => setShowComment(true)}>
          Ajouter un commentaire
        </button>
      )}
      {toConfirm && !readOnly && initial ? (
        <div className="alert alert-warning small">
          Réponse reprise de la campagne précédente ({initial.carriedFrom}).{" "}
          <button type="button" className="btn btn-small btn-secondary" onClick={() => update({})}>
            Confirmer cette réponse
          </button>
        </div>
      ) : null}
      {reuse?.length && !readOnly && (toConfirm || !draft.kind)
        ? reuse.map((offer) => (
            <div
              key={offer.source}
              className={offer.mapping === "related" ? "small muted" : "alert small"}
              data-testid={`reuse-${offer.mapping}`}
            >
              {offer.mapping === "equivalent" ? (
                <>
                  Réponse déjà donnée pour une exigence équivalente ({offer.source}) : «{" "}
                  {describeValue(requirement.answer, offer.kind ?? "unknown", offer.value)} ».{" "}
                  <button
                    type="button"
                    className="btn btn-small btn-secondary"
                    onClick={() =>
                      update({ kind: offer.kind, value: offer.value, justification: offer.justification ?? "" })
                    }
                  >
                    Reprendre cette réponse
                  </button>
                </>
              ) : offer.mapping === "partial" ? (
                <>
                  <strong>À revoir</strong> : exigence proche mais non équivalente ({offer.source})
                  {offer.fits
                    ? `, réponse donnée : « ${describeValue(requirement.answer, offer.kind ?? "unknown", offer.value)} »`
                    : ""}
                  . Vérifiez qu&apos;elle couvre bien cette exigence avant de répondre : elle n&apos;est pas reprise.
                </>
              ) : (
                <>
                  Exigence en lien dans un autre programme : {offer.source} (pour information, rien n&apos;est repris).
                </>
              )}
            </div>
          ))
        : null}
      {state.status === "conflict" ? (
        <Suspense
          fallback={
            <p className="alert alert-error" role="status">
              Une autre personne a modifié cette réponse : chargement des choix…
            </p>
          }
        >
          <ConflictPanel
            spec={requirement.answer}
            current={state.current}
            draft={draft}
            onKeepMine={() => resolve("mine", state.current)}
            onTakeTheirs={() => {
              setDraft(draftOf(state.current));
              resolve("theirs", state.current);
            }}
          />
        </Suspense>
      ) : null}
      <footer className="question-foot">
        <SaveStatus state={state} onRetry={() => void retry()} />
        {initial?.answeredBy && state.status !== "conflict" ? (
          <span className="small muted">Dernière réponse : {initial.answeredBy}</span>
        ) : null}
      </footer>
      {evidence}
    </article>
  );
}
