import { NextResponse } from "next/server";
import { signIn } from "@/lib/auth/config";
import { SSO_INVITATION_COOKIE } from "@/lib/auth/sso/callbacks";
import { enabledSso } from "@/lib/auth/sso/providers";
import { isSsoProvider } from "@/lib/auth/sso/identity";
import { assertSameOrigin, errorResponse } from "@/lib/core/http-command";
import { db } from "@/lib/core/db";
import { findUsableInvitation } from "@/lib/invitations/commands";

/**
 * The SSO buttons post here: from the invitation page, the link being accepted is kept for ten
 * minutes in an httpOnly cookie, which the signIn callback reads to link the identity to that account.
 */
export async function POST(request: Request, context: { params: Promise<{ provider: string }> }) {
  const response = (url: string) => NextResponse.redirect(new URL(url, request.url), 303);
  try {
    assertSameOrigin(request);
    const { provider } = await context.params;
    if (!isSsoProvider(provider) || !enabledSso().includes(provider))
      return response("/connexion/erreur?error=Provider");
    const form = await request.formData().catch(() => null);
    const invitation = form?.get("invitation");
    if (typeof invitation === "string" && invitation) {
      if (!(await findUsableInvitation(db, invitation))) return response("/connexion/erreur?error=InvitationLink");
      const url = await signIn(provider, { redirect: false, redirectTo: "/" });
      const res = response(url);
      res.cookies.set(SSO_INVITATION_COOKIE, invitation, {
        httpOnly: true,
        sameSite: "lax",
        secure: new URL(request.url).protocol === "https:",
        path: "/",
        maxAge: 10 * 60,
      });
      return res;
    }
    return response(await signIn(provider, { redirect: false, redirectTo: "/" }));
  } catch (error) {
    return errorResponse(error);
  }
}
