import { NextResponse } from "next/server";
import { LOGOUT_STATE_COOKIE, logoutStateMatches } from "@/lib/auth/sso/logout";

/** The provider sends the browser back here after its logout, with the state Socle gave it. */
export function GET(request: Request) {
  const url = new URL(request.url);
  const expected = request.headers
    .get("cookie")
    ?.split(/;\s*/)
    .find((c) => c.startsWith(`${LOGOUT_STATE_COOKIE}=`))
    ?.slice(LOGOUT_STATE_COOKIE.length + 1);
  const ok = logoutStateMatches(url.searchParams.get("state"), expected);
  const target = ok ? "/login?deconnexion=fournisseur" : "/connexion/erreur?error=LogoutState";
  const response = NextResponse.redirect(new URL(target, url), 303);
  response.cookies.set(LOGOUT_STATE_COOKIE, "", { path: "/api/sso/logged-out", maxAge: 0 });
  return response;
}
