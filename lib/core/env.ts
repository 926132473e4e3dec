import path from "node:path";
import { z } from "zod";

// The one place that reads process.env (lint forbids it elsewhere). Loaded by next.config.ts so a
// bad value stops the build or the start instead of failing a request later.
const ZEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  // postgres://… selects PostgreSQL; nothing (or an empty value) selects the embedded PGlite.
  DATABASE_URL: z
    .string()
    .optional()
    .refine((url) => !url || /^postgres(ql)?:\/\//.test(url), {
      error: "DATABASE_URL doit être une adresse postgres:// ou postgresql:// (laissez-la vide pour PGlite).",
    }),
  /** The owner's address, for migrations and the app role's grants (scripts/db.ts); never used by the app. */
  MIGRATION_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "MIGRATION_DATABASE_URL doit être une adresse postgres://…")
    .optional(),
  SOCLE_DATA_DIR: z.string().default(".data"),
  EVIDENCE_DIR: z.string().optional(),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET doit faire au moins 32 caractères").optional(),
  // Demo accounts sign in only while this is "1" (npm start on PGlite sets it; never implied on PostgreSQL).
  SOCLE_DEMO: z.enum(["0", "1"]).optional(),
  /** The public address printed in dossiers' QR codes; required in production outside the demo. */
  SOCLE_PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: "SOCLE_PUBLIC_URL doit être une adresse http(s)." })
    .optional(),
  /** "off": the dossier renderer uses its dependencies' public API only (lib/dossier/pdf/internals.ts). */
  SOCLE_DOSSIER_INTERNALS: z.enum(["on", "off"]).default("on"),
  /** next-auth's own variable: the public address its callbacks are built on (SSO redirect URIs). */
  AUTH_URL: z.url({ protocol: /^https?$/, error: "AUTH_URL doit être une adresse http(s)." }).optional(),
  /** smtp://user:pass@host:port or smtps://…: invitations are mailed when set (always shown to the sender). */
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: "SMTP_URL doit être une adresse smtp:// ou smtps://." }).optional(),
  SMTP_FROM: z.string().min(3).default("Socle <ne-pas-repondre@socle.invalid>"),
  /** "0" hides the password form: sign-in only through ProConnect / Pro Santé Connect. */
  SOCLE_PASSWORD_SIGN_IN: z.enum(["0", "1"]).default("1"),
  // SSO: each provider is on when its issuer, client id and secret are all set (see lib/auth/sso/providers.ts).
  PROCONNECT_ISSUER: z.url({ error: "PROCONNECT_ISSUER doit être une adresse." }).optional(),
  PROCONNECT_CLIENT_ID: z.string().min(1).optional(),
  PROCONNECT_CLIENT_SECRET: z.string().min(1).optional(),
  /** The algorithm registered on ProConnect's partner portal for the ID token and userinfo. */
  PROCONNECT_SIGNING_ALG: z.enum(["RS256", "ES256"]).default("RS256"),
  PSC_ISSUER: z.url({ error: "PSC_ISSUER doit être une adresse." }).optional(),
  PSC_CLIENT_ID: z.string().min(1).optional(),
  PSC_CLIENT_SECRET: z.string().min(1).optional(),
  /** PSC's authorization endpoint is on another host than its issuer; derived from the issuer when unset. */
  PSC_AUTHORIZATION_URL: z.url({ error: "PSC_AUTHORIZATION_URL doit être une adresse." }).optional(),
  PSC_ID_TOKEN_ALG: z.enum(["RS256", "ES256"]).default("RS256"),
  /** Set when PSC answers userinfo as a signed JWT; unset, plain JSON is expected. */
  PSC_USERINFO_ALG: z.enum(["RS256", "ES256"]).optional(),
  /** How many reverse proxies stand in front of the app: each one's X-Forwarded-For entry is trusted. */
  TRUSTED_PROXIES: z
    .string()
    .regex(/^\d{1,2}$/, { error: "TRUSTED_PROXIES doit être un nombre de proxys (0 sans proxy)." })
    .default("0"),
  /** Bytes of evidence one establishment may store (default 2 GiB). */
  EVIDENCE_QUOTA_BYTES: z.coerce
    .number({ error: "EVIDENCE_QUOTA_BYTES doit être un nombre d'octets." })
    .int()
    .positive()
    .default(2 * 1024 ** 3),
  /** Uploads the public verifier hashes at once in this process; the next ones get a 503. */
  VERIFIER_MAX_CONCURRENT: z.coerce.number().int().min(1).default(4),
});

export type Env = ReturnType<typeof parseEnv>;

/** Validates an environment's values; throws one French message naming every problem. */
export function parseEnv(source: Record<string, string | undefined>) {
  const parsed = ZEnv.safeParse(source);
  if (!parsed.success) {
    throw new Error(`Configuration invalide : ${z.prettifyError(parsed.error)}`);
  }
  const raw = parsed.data;
  // `npm run dev` on PGlite is a demo too; PostgreSQL never implies it.
  const demo = (raw.SOCLE_DEMO ?? (raw.NODE_ENV === "development" && !raw.DATABASE_URL ? "1" : "0")) === "1";

  const dataDir = path.resolve(/*turbopackIgnore: true*/ raw.SOCLE_DATA_DIR);
  return {
    nodeEnv: raw.NODE_ENV,
    /** Set only when a real PostgreSQL is configured. */
    postgresUrl: raw.DATABASE_URL || undefined,
    dataDir,
    pgliteDir: path.join(dataDir, "pglite"),
    evidenceDir: path.resolve(/*turbopackIgnore: true*/ raw.EVIDENCE_DIR ?? path.join(dataDir, "evidence")),
    authSecret: raw.AUTH_SECRET,
    /** Demo accounts (User.isDemo) may sign in. */
    demo,
    publicOrigin: raw.SOCLE_PUBLIC_URL ? new URL(raw.SOCLE_PUBLIC_URL).origin : undefined,
    trustedProxies: Number(raw.TRUSTED_PROXIES),
    /** The owner's address for migrations; the app's own when unset. */
    migrationUrl: raw.MIGRATION_DATABASE_URL,
    evidenceQuotaBytes: raw.EVIDENCE_QUOTA_BYTES,
    verifierMaxConcurrent: raw.VERIFIER_MAX_CONCURRENT,
    dossierInternals: raw.SOCLE_DOSSIER_INTERNALS === "on",
    smtpUrl: raw.SMTP_URL,
    smtpFrom: raw.SMTP_FROM,
    passwordSignIn: raw.SOCLE_PASSWORD_SIGN_IN === "1",
    proconnect: ssoSettings(
      "ProConnect",
      "PROCONNECT",
      raw.PROCONNECT_ISSUER,
      raw.PROCONNECT_CLIENT_ID,
      raw.PROCONNECT_CLIENT_SECRET,
      { signingAlg: raw.PROCONNECT_SIGNING_ALG },
    ),
    psc: ssoSettings("Pro Santé Connect", "PSC", raw.PSC_ISSUER, raw.PSC_CLIENT_ID, raw.PSC_CLIENT_SECRET, {
      authorizationUrl: raw.PSC_AUTHORIZATION_URL,
      idTokenAlg: raw.PSC_ID_TOKEN_ALG,
      userinfoAlg: raw.PSC_USERINFO_ALG,
    }),
  };
}

export const env = parseEnv(process.env);

// An SSO provider compares the redirect URI of the token request with the authorization's one, to the
// character. next-auth builds the first from AUTH_URL or the server's own address, which is not the
// public one behind a proxy: the public address, when given, is what next-auth uses too.
// The demo's own address (set by scripts/start.mjs for its dossiers) is left out: there, next-auth
// builds callbacks from the request, as the browser reached the demo.
if (!process.env.AUTH_URL && env.publicOrigin && !env.demo) process.env.AUTH_URL = env.publicOrigin;

/**
 * What a production server needs beyond valid values, checked when it starts (next.config.ts for
 * `next start`, instrumentation.ts for every server, the standalone one included), not by
 * `next build`, which may run where no secret is. The demo prints its own address in dossiers.
 */
export function assertReadyToServe(source: Record<string, string | undefined> = process.env): void {
  const current = parseEnv(source);
  if (current.nodeEnv !== "production") return;
  const missing: string[] = [];
  if (!current.authSecret) missing.push("AUTH_SECRET (au moins 32 caractères) est obligatoire en production.");
  if (!current.demo && !current.publicOrigin) {
    missing.push(
      "SOCLE_PUBLIC_URL est obligatoire en production : c'est l'adresse imprimée dans les dossiers scellés.",
    );
  }
  if (missing.length) throw new Error(`Configuration invalide :\n✖ ${missing.join("\n✖ ")}`);
}

/** A provider is on only when its three variables are set; a partial set stops the start with a French message. */
function ssoSettings<E extends object>(
  label: string,
  prefix: string,
  issuer: string | undefined,
  clientId: string | undefined,
  clientSecret: string | undefined,
  extra: E,
) {
  const set = [issuer, clientId, clientSecret].filter(Boolean).length;
  if (set === 0) return undefined;
  if (set < 3) {
    throw new Error(
      `Configuration invalide : ${label} demande ${prefix}_ISSUER, ${prefix}_CLIENT_ID et ${prefix}_CLIENT_SECRET ensemble.`,
    );
  }
  // Issuers are compared exactly (ProConnect's has no trailing slash): a stray one is dropped here.
  return { issuer: issuer!.replace(/\/+$/, ""), clientId: clientId!, clientSecret: clientSecret!, ...extra };
}
