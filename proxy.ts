import { NextResponse, type NextRequest } from "next/server";

// Coarse redirect to the sign-in page when no session cookie is present. Never authorization:
// every page and route checks the actor against the resource through lib/auth/scope.ts.
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

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (PUBLIC.some((re) => re.test(pathname))) return NextResponse.next();
  const hasSession = request.cookies.getAll().some((c) => c.name.endsWith("authjs.session-token"));
  if (hasSession || pathname.startsWith("/api/")) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = "/login";
  url.search = pathname === "/" ? "" : `?callbackUrl=${encodeURIComponent(pathname + search)}`;
  return NextResponse.redirect(url);
}

// API routes answer 401/404 themselves, and file uploads must not pass through the proxy (it caps bodies at 10 MB).
export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico|api/).*)"] };
