import path from "node:path";
import { z } from "zod";

// The one place that reads process.env (lint forbids it elsewhere). Loaded by next.config.ts so a
// bad value stops the build or the start instead of failing a request later.
const ZEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  // postgres://… selects PostgreSQL; anything else (or nothing) selects the embedded PGlite.
  DATABASE_URL: z.string().optional(),
  SOCLE_DATA_DIR: z.string().default(".data"),
  EVIDENCE_DIR: z.string().optional(),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET doit faire au moins 32 caractères").optional(),
  SOCLE_DEMO: z.enum(["0", "1"]).optional(),
  /** The public address printed in dossiers' QR codes; without it, the address the browser used. */
  SOCLE_PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: "SOCLE_PUBLIC_URL doit être une adresse http(s)." })
    .optional(),
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
  dataDir,
  pgliteDir: path.join(dataDir, "pglite"),
  evidenceDir: path.resolve(/*turbopackIgnore: true*/ raw.EVIDENCE_DIR ?? path.join(dataDir, "evidence")),
  authSecret: raw.AUTH_SECRET,
  publicOrigin: raw.SOCLE_PUBLIC_URL ? new URL(raw.SOCLE_PUBLIC_URL).origin : undefined,
  /**
   * Demo mode: the demo data is loaded (scripts/db.ts seeds it on the embedded database by default,
   * on PostgreSQL only with SOCLE_DEMO=1). Every page and every dossier then says "Démonstration".
   */
  demo: (raw.SOCLE_DEMO ?? (/^postgres(ql)?:\/\//.test(raw.DATABASE_URL ?? "") ? "0" : "1")) === "1",
};
