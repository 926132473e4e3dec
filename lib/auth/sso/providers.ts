import type { OIDCConfig } from "next-auth/providers";
import { env } from "@/lib/core/env";
import { SSO_LABELS, type SsoProviderId } from "./identity";

// The two OIDC providers, each on only when its variables are set (lib/core/env.ts). Every setting
// below is deliberate (docs/sso.md): Auth.js's defaults would send no state and no nonce, use
// client_secret_basic, build the profile from the ID token (ProConnect puts it in userinfo) and
// ask for "openid profile email".

type Profile = Record<string, unknown>;
const CHECKS: ("pkce" | "state" | "nonce")[] = ["pkce", "state", "nonce"];

/** The minimal next-auth user: the real account is chosen by the signIn callback (lib/auth/sso/link.ts). */
function profile(p: Profile) {
  return { id: String(p.sub ?? ""), email: typeof p.email === "string" ? p.email.toLowerCase() : null };
}

function proconnect(s: NonNullable<typeof env.proconnect>): OIDCConfig<Profile> {
  return {
    id: "proconnect",
    name: SSO_LABELS.proconnect,
    type: "oidc",
    issuer: s.issuer, // discovery at <issuer>/.well-known/openid-configuration; exact match, no trailing slash
    clientId: s.clientId,
    clientSecret: s.clientSecret,
    checks: CHECKS,
    idToken: false, // the identity is in userinfo (a signed JWT)
    client: {
      token_endpoint_auth_method: "client_secret_post",
      id_token_signed_response_alg: s.signingAlg,
      userinfo_signed_response_alg: s.signingAlg,
    },
    authorization: {
      params: {
        scope: "openid email given_name usual_name siret",
        acr_values: "eidas1",
        // acr and amr come only in the ID token, and only when asked for.
        claims: { id_token: { amr: null, acr: { essential: true } } },
      },
    },
    profile,
  };
}

/** The origins a sign-in or sign-out form is redirected to: the CSP's form-action must allow them. */
export function ssoFormOrigins(): string[] {
  const urls = [
    env.proconnect?.issuer,
    env.psc?.issuer,
    env.psc ? pscAuthorizationUrl(env.psc.issuer, env.psc.authorizationUrl) : undefined,
  ];
  return [...new Set(urls.filter((u): u is string => Boolean(u)).map((u) => new URL(u).origin))];
}

/** PSC's authorization endpoint lives on the "wallet" host; the other endpoints under the issuer. */
export function pscAuthorizationUrl(issuer: string, explicit?: string): string {
  if (explicit) return explicit;
  if (issuer.includes("auth.bas.psc.esante.gouv.fr")) return "https://wallet.bas.psc.esante.gouv.fr/auth";
  if (issuer.includes("auth.esw.esante.gouv.fr")) return "https://wallet.esw.esante.gouv.fr/auth";
  return `${issuer}/protocol/openid-connect/auth`;
}

function psc(s: NonNullable<typeof env.psc>): OIDCConfig<Profile> {
  return {
    id: "psc",
    name: SSO_LABELS.psc,
    type: "oidc",
    issuer: s.issuer,
    clientId: s.clientId,
    clientSecret: s.clientSecret,
    // Explicit endpoints: ANS's discovery document has a non-standard name, so none is read.
    authorization: {
      url: pscAuthorizationUrl(s.issuer, s.authorizationUrl),
      params: { scope: "openid scope_all", acr_values: "eidas1" },
    },
    token: `${s.issuer}/protocol/openid-connect/token`,
    userinfo: `${s.issuer}/protocol/openid-connect/userinfo`,
    checks: CHECKS,
    idToken: false,
    client: {
      token_endpoint_auth_method: "client_secret_post",
      id_token_signed_response_alg: s.idTokenAlg,
      ...(s.userinfoAlg ? { userinfo_signed_response_alg: s.userinfoAlg } : {}),
    },
    profile,
  };
}

export function ssoProviders(settings: Pick<typeof env, "proconnect" | "psc"> = env): OIDCConfig<Profile>[] {
  return [
    ...(settings.proconnect ? [proconnect(settings.proconnect)] : []),
    ...(settings.psc ? [psc(settings.psc)] : []),
  ];
}

/** The buttons the sign-in and invitation pages show: none when no provider is configured. */
export function enabledSso(settings: Pick<typeof env, "proconnect" | "psc"> = env): SsoProviderId[] {
  return ssoProviders(settings).map((p) => p.id as SsoProviderId);
}

/** Where the provider ends its own session (RP-initiated logout). */
export async function endSessionEndpoint(provider: SsoProviderId): Promise<string | null> {
  if (provider === "psc") return env.psc ? `${env.psc.issuer}/protocol/openid-connect/logout` : null;
  if (!env.proconnect) return null;
  return (proconnectEndSession ??= fetch(`${env.proconnect.issuer}/.well-known/openid-configuration`)
    .then((r): Promise<{ end_session_endpoint?: string }> => (r.ok ? r.json() : Promise.resolve({})))
    .then((d) => d.end_session_endpoint ?? null)
    .catch(() => {
      proconnectEndSession = undefined; // retried at the next sign-out
      return null;
    }));
}
let proconnectEndSession: Promise<string | null> | undefined;
