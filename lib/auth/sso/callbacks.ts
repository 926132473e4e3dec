import "server-only";
import { cookies } from "next/headers";
import type { Account, Profile } from "next-auth";
import { db } from "@/lib/core/db";
import { identityFromProfile, idTokenClaims, isSsoProvider, type SsoProviderId } from "./identity";
import { resolveSsoSignIn } from "./link";

// The two hooks lib/auth/config.ts calls for SSO sign-ins; credentials sign-ins pass through.

/** Set by the invitation page's SSO buttons (app/api/sso/[provider]/start): the link being accepted. */
export const SSO_INVITATION_COOKIE = "socle-sso-invitation";

/**
 * signIn callback: the account this SSO identity may use, or the French page that says why not.
 * null for a non-SSO provider.
 */
export async function ssoSignIn(
  account: Account | null | undefined,
  profile: Profile | undefined,
): Promise<{ userId: string } | string | null> {
  if (!account || !isSsoProvider(account.provider)) return null;
  const identity = identityFromProfile(account.provider, profile ?? {}, idTokenClaims(account.id_token));
  if (!identity) return "/connexion/erreur?error=Profile";
  const jar = await cookies();
  const invitationToken = jar.get(SSO_INVITATION_COOKIE)?.value ?? null;
  if (invitationToken) jar.delete(SSO_INVITATION_COOKIE);
  const outcome = await resolveSsoSignIn(db, identity, { invitationToken });
  if (outcome.ok) return { userId: outcome.userId };
  return `/connexion/compte-inconnu?${new URLSearchParams({ raison: outcome.reason, fournisseur: account.provider })}`;
}

export type SsoSessionFields = { sso?: { provider: SsoProviderId; idToken: string; acr: string | null } };

/**
 * jwt callback, at sign-in: what provider logout needs later. It stays in the encrypted session
 * cookie, never in the session object the browser can read.
 */
export function ssoSessionFields(account: Account | null | undefined): SsoSessionFields {
  if (!account || !isSsoProvider(account.provider) || !account.id_token) return {};
  const acr = idTokenClaims(account.id_token).acr;
  return {
    sso: { provider: account.provider, idToken: account.id_token, acr: typeof acr === "string" ? acr : null },
  };
}
