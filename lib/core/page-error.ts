// What a page error shows and what the server logs share one id: the digest Next stamps on the
// error before it calls instrumentation.ts's onRequestError and before it sends the error page.
// The browser never sees the message or the stack, only this id.

export type DigestError = { digest?: string };

/** The event id of a server error (its digest), or a fresh one for an error raised in the browser. */
export function eventIdOf(error: unknown): string {
  const digest = typeof error === "object" && error !== null && "digest" in error ? error.digest : undefined;
  if (typeof digest === "string" && digest) return digest;
  return `navigateur-${Math.random().toString(36).slice(2, 10)}`;
}

export const PAGE_ERROR_TITLE = "Une erreur inattendue est survenue";
export const pageErrorMessage = (eventId: string) =>
  `La page n'a pas pu s'afficher. Réessayez ; si l'erreur persiste, transmettez la référence ${eventId} à votre administrateur.`;

type RequestInfo = { path: string; method: string };
type ContextInfo = { routePath?: string; routeType?: string };

/** The server's log line for an unexpected error, with the same event id as the page. */
export function requestErrorLog(error: unknown, request: RequestInfo, context: ContextInfo): string {
  const message = error instanceof Error ? error.message : String(error);
  const stack = error instanceof Error && error.stack ? `\n${error.stack}` : "";
  return (
    `[socle] unexpected error, event ${eventIdOf(error)}: ${request.method} ${request.path}` +
    ` (${context.routeType ?? "?"} ${context.routePath ?? "?"}): ${message}${stack}`
  );
}
