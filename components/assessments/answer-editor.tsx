"use client";

import { useState, type ReactNode } from "react";
import type { StoredAnswer } from "@/lib/assessments/answer-schemas";
import type { TRequirement } from "@/lib/referentials/schemas";
import { AnswerControl } from "./answer-control";
import { describeValue, targetText } from "./answer-labels";
import { ComputedValue, type Computed } from "./computed-value";
import { SaveStatus } from "./save-status";
import { type Draft, useAutosave } from "./use-autosave";

const CONFIDENCE_LABELS = { M: "Confiance moyenne", L: "À confirmer par la délégation" } as const;

type Props = Readonly<{
  assessmentId: string;
  requirement: TRequirement;
  initial: StoredAnswer | null;
  readOnly: boolean;
  computed?: Computed | null;
  evidence?: ReactNode;
  /** An answer given in another programme's questionnaire for a mapped requirement. */
  reuse?: { source: string; kind: Draft["kind"]; value: unknown; justification: string | null } | null;
}>;

function draftOf(answer: StoredAnswer | null): Draft {
  return { kind: answer?.kind ?? null, value: answer?.value ?? null, justification: answer?.justification ?? "", comment: answer?.comment ?? "" };
}

export function AnswerCard({ assessmentId, requirement, initial, readOnly, computed, evidence, reuse }: Props) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(initial));
  const [showComment, setShowComment] = useState(Boolean(initial?.comment));
  const [toConfirm, setToConfirm] = useState(initial?.needsConfirmation ?? false);
  const { state, change, retry, resolve } = useAutosave(assessmentId, requirement.code, initial);
  const id = `q-${requirement.code.replace(/[^A-Za-z0-9_-]/g, "-")}`;
  const target = targetText(requirement.answer);
  const needsJustification = draft.kind === "not_applicable" || (draft.kind === "value" && computed != null && typeof draft.value === "number");

  function update(next: Partial<Draft>) {
    const merged = { ...draft, ...next };
    setDraft(merged);
    setToConfirm(false);
    change(merged);
  }

  return (
    <article className="question card" id={requirement.code} aria-labelledby={`${id}-label`} data-testid={`question-${requirement.code}`}>
      <header className="question-head">
        <span className="question-code">{requirement.code}</span>
        <h3 id={`${id}-label`} className="question-label">{requirement.label}</h3>
        <div className="row" style={{ gap: "0.4rem" }}>
          {requirement.blocking ? <span className="badge">Bloquant</span> : null}
          {requirement.confidence !== "H" ? (
            <span className="badge badge-orange" title={requirement.confidenceNote ?? undefined}>{CONFIDENCE_LABELS[requirement.confidence]}</span>
          ) : null}
          {toConfirm ? <span className="badge badge-orange">À confirmer</span> : null}
        </div>
      </header>
      <details className="question-help">
        <summary>Aide et pièces attendues</summary>
        <p>{requirement.help}</p>
        {requirement.proofs.length ? (
          <>
            <p className="small" style={{ fontWeight: 600, marginBottom: 4 }}>Pièces justificatives attendues</p>
            <ul className="small">{requirement.proofs.map((p) => <li key={p}>{p}</li>)}</ul>
          </>
        ) : null}
        {requirement.confidenceNote ? <p className="small muted">Note de confiance : {requirement.confidenceNote}</p> : null}
      </details>
      {target ? <p className="small muted" style={{ margin: 0 }}>{target}</p> : null}
      {computed !== undefined ? (
        <ComputedValue computed={computed} draft={draft} disabled={readOnly} onUse={(value) => update({ kind: "value", value, justification: "" })} />
      ) : null}
      <AnswerControl requirement={requirement} draft={draft} disabled={readOnly} onChange={update} idPrefix={id} />
      {needsJustification ? (
        <div className="field">
          <label htmlFor={`${id}-justification`}>
            {draft.kind === "not_applicable" ? "Pourquoi cette exigence ne s'applique pas ?" : "Pourquoi remplacer la valeur calculée ?"} <span className="hint">(obligatoire)</span>
          </label>
          <textarea id={`${id}-justification`} className="textarea" value={draft.justification} disabled={readOnly} maxLength={2000} onChange={(e) => update({ justification: e.target.value })} />
        </div>
      ) : null}
      {showComment ? (
        <div className="field">
          <label htmlFor={`${id}-comment`}>Commentaire</label>
          <textarea id={`${id}-comment`} className="textarea" value={draft.comment} disabled={readOnly} maxLength={4000} onChange={(e) => update({ comment: e.target.value })} />
        </div>
      ) : readOnly ? null : (
        <button type="button" className="btn-link small" onClick={() => setShowComment(true)}>Ajouter un commentaire</button>
      )}
      {toConfirm && !readOnly && initial ? (
        <div className="alert alert-warning small">
          Réponse reprise de la campagne précédente ({initial.carriedFrom}).{" "}
          <button type="button" className="btn btn-small btn-secondary" onClick={() => update({})}>Confirmer cette réponse</button>
        </div>
      ) : null}
      {reuse && !readOnly && (toConfirm || !draft.kind) ? (
        <div className="alert small" data-testid="reuse">
          Réponse déjà donnée pour {reuse.source} : « {describeValue(requirement.answer, reuse.kind ?? "unknown", reuse.value)} ».{" "}
          <button type="button" className="btn btn-small btn-secondary" onClick={() => update({ kind: reuse.kind, value: reuse.value, justification: reuse.justification ?? "" })}>
            Reprendre cette réponse
          </button>
        </div>
      ) : null}
      {state.status === "conflict" ? (
        <div className="alert alert-error" role="alert" data-testid="conflict">
          <p style={{ fontWeight: 600 }}>
            {state.current?.answeredBy ?? "Une autre personne"} a enregistré entre-temps : « {state.current ? describeValue(requirement.answer, state.current.kind, state.current.value) : "réponse supprimée"} ».
          </p>
          <p>Votre réponse : « {draft.kind ? describeValue(requirement.answer, draft.kind, draft.value) : "vide"} ». Laquelle garder ?</p>
          <div className="row">
            <button type="button" className="btn btn-small" onClick={() => resolve("mine", state.current)}>Garder ma réponse</button>
            <button type="button" className="btn btn-small btn-secondary" onClick={() => { setDraft(draftOf(state.current)); resolve("theirs", state.current); }}>Reprendre la sienne</button>
          </div>
        </div>
      ) : null}
      <footer className="question-foot">
        <SaveStatus state={state} onRetry={() => void retry()} />
        {initial?.answeredBy && state.status !== "conflict" ? <span className="small muted">Dernière réponse : {initial.answeredBy}</span> : null}
      </footer>
      {evidence}
    </article>
  );
}
