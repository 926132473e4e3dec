// The Content-Security-Policy and HSTS of every page, set by proxy.ts per request. Pure, so the
// policy is unit-tested; the e2e spec e2e/security/csp.spec.ts loads every page type under it.
//
// Scripts run only with this request's nonce ('strict-dynamic' lets them load Next's chunks);
// Next reads the nonce from the request's CSP header and puts it on its own scripts, which is why
// pages render per request (app/layout.tsx). Style attributes are allowed (React renders `style`
// props as attributes on the server); <style> elements need the nonce.

/**
 * `formActions`: the identity providers a sign-in or sign-out form is redirected to (ProConnect, Pro
 * Santé Connect): form-action also governs where a submitted form may be redirected.
 */
export function contentSecurityPolicy(
  nonce: string,
  options: { dev?: boolean; https?: boolean; formActions?: readonly string[] } = {},
): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    ["form-action 'self'", ...(options.formActions ?? [])].join(" "),
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** A fresh, unguessable nonce (128 bits, base64). */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/** Two years, subdomains included: the value browsers' preload lists ask for. */
export const HSTS = "max-age=63072000; includeSubDomains";

/**
 * Whether the browser reached us over HTTPS. `next start` serves plain HTTP only, so HTTPS always
 * ends at a proxy in front: its X-Forwarded-Proto is believed when we trust a proxy
 * (`trustedProxies` > 0; the nearest proxy's value is the last of the list). With no trusted
 * proxy the header is the client's word and is ignored (Next also derives the request URL's
 * scheme from it, so that scheme proves nothing either).
 */
export function servedOverHttps(forwardedProto: string | null, trustedProxies: number): boolean {
  if (trustedProxies < 1 || !forwardedProto) return false;
  const nearest = forwardedProto.split(",").pop()?.trim().toLowerCase();
  return nearest === "https";
}
