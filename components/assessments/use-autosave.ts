"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { StoredAnswer, TAnswerKind } from "@/lib/assessments/answer-schemas";
import { sendJson } from "@/lib/core/client-fetch";

export type Draft = { kind: TAnswerKind | null; value: unknown; justification: string; comment: string };

export type SaveState =
  | { status: "idle" }
  | { status: "pending" } // changed, waiting for the debounce
  | { status: "saving" }
  | { status: "saved"; at: string }
  | { status: "invalid"; message: string } // refused by validation: fix the input
  | { status: "failed"; message: string } // network or server: retry
  | { status: "conflict"; current: StoredAnswer | null };

const DEBOUNCE_MS = 700;

/**
 * Autosaves one answer. "Saved" is shown only after the server's 200, which comes after the
 * transaction committed. One save in flight at a time; a change made meanwhile is saved next.
 * A 409 stops autosaving until the user chooses between their answer and the other person's.
 */
export function useAutosave(assessmentId: string, requirementCode: string, initial: StoredAnswer | null) {
  const [state, setState] = useState<SaveState>(
    initial ? { status: "saved", at: initial.updatedAt } : { status: "idle" },
  );
  const version = useRef(initial?.version ?? 0);
  const latest = useRef<Draft | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef(false);
  const dirty = useRef(false);
  const blocked = useRef(false);

  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (inFlight.current) return; // the running loop picks up the newest draft
    inFlight.current = true;
    try {
      while (dirty.current && !blocked.current && latest.current?.kind) {
        const draft = latest.current;
        dirty.current = false;
        setState({ status: "saving" });
        const result = await sendJson<StoredAnswer>(
          `/api/assessments/${assessmentId}/answers`,
          {
            requirementCode,
            kind: draft.kind,
            value: draft.kind === "value" ? draft.value : undefined,
            justification: draft.justification || null,
            comment: draft.comment || null,
            expectedVersion: version.current,
          },
          "PUT",
        );
        if (result.ok) {
          version.current = result.data.version;
          setState({ status: "saved", at: result.data.updatedAt });
        } else if (result.status === 409) {
          blocked.current = true;
          setState({
            status: "conflict",
            current: (result.details as { current?: StoredAnswer } | undefined)?.current ?? null,
          });
        } else if (result.status === 400 || result.status === 403 || result.status === 423) {
          setState({ status: "invalid", message: result.message });
        } else {
          dirty.current = true; // keep the change: "Réessayer" sends it again
          setState({ status: "failed", message: result.message });
          break;
        }
      }
    } finally {
      inFlight.current = false;
    }
  }, [assessmentId, requirementCode]);

  const change = useCallback(
    (draft: Draft) => {
      latest.current = draft;
      if (blocked.current) return;
      if (!draft.kind) {
        dirty.current = false;
        setState({
          status: "invalid",
          message: "Réponse vide : rien n'est enregistré tant qu'aucune réponse n'est choisie.",
        });
        return;
      }
      dirty.current = true;
      setState({ status: "pending" });
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), DEBOUNCE_MS);
    },
    [flush],
  );

  /** Conflict resolution: keep mine (saved over their version) or take theirs (no write). */
  const resolve = useCallback(
    (choice: "mine" | "theirs", current: StoredAnswer | null) => {
      blocked.current = false;
      version.current = current?.version ?? 0;
      if (choice === "mine") {
        dirty.current = true;
        void flush();
      } else {
        dirty.current = false;
        setState(current ? { status: "saved", at: current.updatedAt } : { status: "idle" });
      }
    },
    [flush],
  );

  // Leaving the page with a pending change: save it now, and warn if it cannot be sent.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (dirty.current || inFlight.current) {
        void flush();
        event.preventDefault();
      }
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [flush]);

  return { state, change, retry: flush, resolve };
}
