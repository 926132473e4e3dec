import path from "node:path";
import { z } from "zod";

// The one place that reads process.env (lint forbids it elsewhere). Loaded by next.config.ts so a
// bad value stops the build or the start instead of failing a request later.
const ZEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  // postgres://… selects PostgreSQL; anything else (or nothing) selects the embedded PGlite.
  DATABASE_URL: z.string().optional(),
  /** The owner's address, for migrations and the app role's grants (scripts/db.ts); never used by the app. */
  MIGRATION_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "MIGRATION_DATABASE_URL doit être une adresse postgres://…")
    .optional(),
  SOCLE_DATA_DIR: z.string().default(".data"),
  EVIDENCE_DIR: z.string().optional(),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET doit faire au moins 32 caractères").optional(),
  SOCLE_DEMO: z.enum(["0", "1"]).optional(),
  /** The public address printed in dossiers' QR codes; without it, the address the browser used. */
  SOCLE_PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: "SOCLE_PUBLIC_URL doit être une adresse http(s)." })
    .optional(),
  /** Bytes of evidence one establishment may store (default 2 GiB). */
  EVIDENCE_QUOTA_BYTES: z.coerce
    .number({ error: "EVIDENCE_QUOTA_BYTES doit être un nombre d'octets." })
    .int()
    .positive()
    .default(2 * 1024 ** 3),
  /** Uploads the public verifier hashes at once in this process; the next ones get a 503. */
  VERIFIER_MAX_CONCURRENT: z.coerce.number().int().min(1).default(4),
  /** Proxy hops in front of the app whose X-Forwarded-* headers are believed (0: none). */
  TRUSTED_PROXIES: z.coerce.number().int().min(0).default(0),
});

const parsed = ZEnv.safeParse(process.env);
if (!parsed.success) {
  throw new Error(`Configuration invalide : ${z.prettifyError(parsed.error)}`);
}

const raw = parsed.data;
const dataDir = path.resolve(/*turbopackIgnore: true*/ raw.SOCLE_DATA_DIR);

export const env = {
  nodeEnv: raw.NODE_ENV,
  /** Set only when a real PostgreSQL is configured. */
  postgresUrl: /^postgres(ql)?:\/\//.test(raw.DATABASE_URL ?? "") ? raw.DATABASE_URL : undefined,
  /** The owner's address for migrations; the app's own when unset. */
  migrationUrl: raw.MIGRATION_DATABASE_URL,
  dataDir,
  pgliteDir: path.join(dataDir, "pglite"),
  evidenceDir: path.resolve(/*turbopackIgnore: true*/ raw.EVIDENCE_DIR ?? path.join(dataDir, "evidence")),
  authSecret: raw.AUTH_SECRET,
  publicOrigin: raw.SOCLE_PUBLIC_URL ? new URL(raw.SOCLE_PUBLIC_URL).origin : undefined,
  evidenceQuotaBytes: raw.EVIDENCE_QUOTA_BYTES,
  verifierMaxConcurrent: raw.VERIFIER_MAX_CONCURRENT,
  trustedProxies: raw.TRUSTED_PROXIES,
};
