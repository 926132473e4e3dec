// What Socle reads from an SSO sign-in, whatever the provider: pure, so each provider's claim
// shapes are tested without a network. Nothing here grants anything: lib/auth/sso/link.ts decides.

export type SsoProviderId = "proconnect" | "psc";
export const SSO_LABELS: Record<SsoProviderId, string> = { proconnect: "ProConnect", psc: "Pro Santé Connect" };

export function isSsoProvider(value: unknown): value is SsoProviderId {
  return value === "proconnect" || value === "psc";
}

export type SsoIdentity = {
  provider: SsoProviderId;
  subject: string;
  /** Lower-cased; PSC may give none. */
  email: string | null;
  name: string;
  /** ProConnect: the SIRET of the person's organisation (14 digits). */
  siret: string | null;
  /** PSC: the FINESS numbers (site and legal entity) of the person's activities. */
  finess: string[];
  /** PSC: the national identifier (SubjectNameID, "8" + RPPS for most). */
  nationalId: string | null;
  acr: string | null;
};

type Claims = Record<string, unknown>;
const str = (v: unknown): string | null => (typeof v === "string" && v.trim() ? v.trim() : null);

/** The claims of an ID token already validated by the OIDC client (alg, iss, aud, nonce, exp). */
export function idTokenClaims(idToken: string | undefined | null): Claims {
  const payload = idToken?.split(".")[1];
  if (!payload) return {};
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    return typeof claims === "object" && claims !== null ? (claims as Claims) : {};
  } catch {
    return {};
  }
}

function pscFiness(profile: Claims): string[] {
  const ref = profile.SubjectRefPro as { exercices?: { activities?: Claims[] }[] } | undefined;
  const found = new Set<string>();
  for (const exercice of Array.isArray(ref?.exercices) ? ref.exercices : []) {
    for (const activity of Array.isArray(exercice?.activities) ? exercice.activities : []) {
      for (const key of ["numeroFinessSite", "numeroFinessetablissementJuridique"]) {
        const value = str(activity?.[key]);
        if (value && /^[0-9AB]{9}$/.test(value)) found.add(value.toUpperCase());
      }
    }
  }
  return [...found];
}

/** Userinfo (the profile) + the ID token's authentication claims → one identity. */
export function identityFromProfile(provider: SsoProviderId, profile: Claims, idToken: Claims): SsoIdentity | null {
  const subject = str(profile.sub);
  if (!subject) return null;
  const email = str(profile.email)?.toLowerCase() ?? null;
  const given = str(profile.given_name) ?? "";
  const family = str(provider === "proconnect" ? profile.usual_name : profile.family_name) ?? "";
  const siret = provider === "proconnect" ? str(profile.siret)?.replace(/\s/g, "") : null;
  return {
    provider,
    subject,
    email,
    name: `${given} ${family}`.trim() || email || subject,
    siret: siret && /^\d{14}$/.test(siret) ? siret : null,
    finess: provider === "psc" ? pscFiness(profile) : [],
    nationalId: provider === "psc" ? str(profile.SubjectNameID) : null,
    acr: str(idToken.acr),
  };
}

/** A SIRET's first 9 digits are the SIREN of the legal entity: two sites of one hospital share it. */
export const sirenOf = (siret: string) => siret.slice(0, 9);
