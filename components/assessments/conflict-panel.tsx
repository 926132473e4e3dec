"use client";

import type { StoredAnswer } from "@/lib/assessments/answer-schemas";
import type { TAnswerSpec } from "@/lib/referentials/schemas";
import { describeValue } from "./answer-labels";
import type { Draft } from "./use-autosave";

type Props = Readonly<{
  spec: TAnswerSpec;
  current: StoredAnswer | null;
  draft: Draft;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}>;

/**
 * Shown after a 409: the other person's saved answer beside this user's, and the choice between
 * them. Its own module so that the questionnaire loads it only when a conflict happens (rare).
 */
export function ConflictPanel({ spec, current, draft, onKeepMine, onTakeTheirs }: Props) {
  return (
    <div className="alert alert-error" role="alert" data-testid="conflict">
      <p style={{ fontWeight: 600 }}>
        {current?.answeredBy ?? "Une autre personne"} a enregistré entre-temps : «{" "}
        {current ? describeValue(spec, current.kind, current.value) : "réponse supprimée"} ».
      </p>
      <p>Votre réponse : « {draft.kind ? describeValue(spec, draft.kind, draft.value) : "vide"} ». Laquelle garder ?</p>
      <div className="row">
        <button type="button" className="btn btn-small" onClick={onKeepMine}>
          Garder ma réponse
        </button>
        <button type="button" className="btn btn-small btn-secondary" onClick={onTakeTheirs}>
          Reprendre la sienne
        </button>
      </div>
    </div>
  );
}
