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
  SOCLE_DATA_DIR: z.string().default(".data"),
  EVIDENCE_DIR: z.string().optional(),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET doit faire au moins 32 caractères").optional(),
  // Demo accounts sign in only while this is "1" (npm start on PGlite sets it; never implied on PostgreSQL).
  SOCLE_DEMO: z.enum(["0", "1"]).optional(),
  /** The public address printed in dossiers' QR codes; required in production outside the demo. */
  SOCLE_PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: "SOCLE_PUBLIC_URL doit être une adresse http(s)." })
    .optional(),
  /** How many reverse proxies stand in front of the app: each one's X-Forwarded-For entry is trusted. */
  TRUSTED_PROXIES: z
    .string()
    .regex(/^\d{1,2}$/, { error: "TRUSTED_PROXIES doit être un nombre de proxys (0 sans proxy)." })
    .default("0"),
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
  };
}

export const env = parseEnv(process.env);

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
