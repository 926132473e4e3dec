"use client";

import type { SaveState } from "./use-autosave";

const time = new Intl.DateTimeFormat("fr-FR", { hour: "2-digit", minute: "2-digit" });

export function SaveStatus({ state, onRetry }: Readonly<{ state: SaveState; onRetry: () => void }>) {
  let content: React.ReactNode = null;
  let tone = "muted";
  switch (state.status) {
    case "pending":
      content = "Modification non enregistrée…";
      break;
    case "saving":
      content = "Enregistrement…";
      break;
    case "saved":
      content = `Enregistré à ${time.format(new Date(state.at))}`;
      tone = "ok";
      break;
    case "invalid":
      content = state.message;
      tone = "error";
      break;
    case "failed":
      tone = "error";
      content = (
        <>
          Échec de l&apos;enregistrement : {state.message}{" "}
          <button type="button" className="btn-link" onClick={onRetry}>
            Réessayer
          </button>
        </>
      );
      break;
    case "conflict":
      content = "Conflit : une autre personne a modifié cette réponse.";
      tone = "error";
      break;
  }
  return (
    <p
      className={`save-status save-status-${tone}`}
      role="status"
      aria-live="polite"
      data-testid="save-status"
      data-state={state.status}
    >
      {content}
    </p>
  );
}
