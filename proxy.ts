import { NextResponse, type NextRequest } from "next/server";
import { ssoFormOrigins } from "@/lib/auth/sso/providers";
import { env } from "@/lib/core/env";
import { contentSecurityPolicy, HSTS, newNonce, servedOverHttps } from "@/lib/core/security-headers";

// Every page: a per-request nonce and the strict Content-Security-Policy that carries it (Next
// reads it from the request headers and puts it on its scripts), HSTS when served over HTTPS.
// Then a coarse redirect to the sign-in page when no session cookie is present. Never
// authorization: every page and route checks the actor against the resource through lib/auth/scope.ts.
const PUBLIC = [
  /^\/login/,
  /^\/verifier/,
  /^\/invitation\//,
  /^\/connexion\//,
  /^\/api\/auth\//,
  /^\/api\/verifier/,
  /^\/_next\//,
  /^\/favicon/,
];

const SSO_ORIGINS = ssoFormOrigins();

export function proxy(request: NextRequest) {
  const https = servedOverHttps(request.headers.get("x-forwarded-proto"), env.trustedProxies);
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, { dev: env.nodeEnv === "development", https, formActions: SSO_ORIGINS });
  const secure = (response: NextResponse) => {
    response.headers.set("Content-Security-Policy", csp);
    if (https) response.headers.set("Strict-Transport-Security", HSTS);
    return response;
  };

  const { pathname, search } = request.nextUrl;
  const hasSession = request.cookies.getAll().some((c) => c.name.endsWith("authjs.session-token"));
  if (!PUBLIC.some((re) => re.test(pathname)) && !hasSession && !pathname.startsWith("/api/")) {
    const url = request.nextUrl.clone();
    url.pathname = "/login";
    url.search = pathname === "/" ? "" : `?callbackUrl=${encodeURIComponent(pathname + search)}`;
    return secure(NextResponse.redirect(url));
  }
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", csp);
  return secure(NextResponse.next({ request: { headers } }));
}

// API routes answer 401/404 themselves and carry their own headers (next.config.ts), and file
// uploads must not pass through the proxy (it caps bodies at 10 MB).
export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico|api/).*)"] };
