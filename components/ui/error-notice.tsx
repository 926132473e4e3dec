"use client";

import { useEffect } from "react";
import { eventIdOf, PAGE_ERROR_TITLE, pageErrorMessage } from "@/lib/core/page-error";

/** The French error block of app/error.tsx and app/global-error.tsx, with the event id to quote. */
export function ErrorNotice({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const eventId = eventIdOf(error);
  useEffect(() => {
    // A browser-side error has no digest and never reached the server log: keep it in the console.
    if (!error.digest) console.error(`[socle] erreur ${eventId}`, error);
  }, [error, eventId]);
  return (
    <div role="alert" className="card empty" style={{ maxWidth: 640, margin: "2rem auto" }}>
      <strong>{PAGE_ERROR_TITLE}</strong>
      <p>{pageErrorMessage(eventId)}</p>
      <p>
        Référence : <code data-testid="event-id">{eventId}</code>
      </p>
      <button type="button" className="btn" onClick={reset}>
        Réessayer
      </button>
    </div>
  );
}
