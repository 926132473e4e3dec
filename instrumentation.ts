import type { Instrumentation } from "next";
import { requestErrorLog } from "@/lib/core/page-error";

// Runs once when a server process boots, before it answers a request. The standalone server
// (.next/standalone/server.js, what deploy/ runs) does not evaluate next.config.ts, so the environment
// is validated here too, and a bad value stops the process (Next would only log it and answer every
// request with a 500).
export async function register() {
  // Next's own markers (not configuration): the edge runtime and the build have no database.
  // eslint-disable-next-line no-restricted-properties
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  try {
    const { assertReadyToServe } = await import("./lib/core/env");
    assertReadyToServe();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  const { stampPeerAddress } = await import("./lib/core/peer-address");
  stampPeerAddress();
  const [{ db }, { sealOrigin }, { sealPendingDossiers }, { schedulePruning }] = await Promise.all([
    import("./lib/core/db"),
    import("./lib/dossier/origin"),
    import("./lib/dossier/seal-pending"),
    import("./lib/auth/rate-limit-prune"),
  ]);
  schedulePruning(db);
  // Dossiers submitted but not sealed (the demo's, or a seal whose every retry failed): sealed
  // as their director, never by a download. The first batch before the server answers; the rest in
  // the background, batch after batch while a batch seals something (a failure is not retried).
  const sealBatch = () =>
    sealPendingDossiers(db, sealOrigin()).catch((error: unknown) => {
      console.error("[socle] sealing pending dossiers at start failed", error);
      return { sealed: 0, left: 0 };
    });
  const first = await sealBatch();
  if (first.sealed > 0 && first.left > 0)
    void (async () => {
      for (let batch = first; batch.sealed > 0 && batch.left > 0;) batch = await sealBatch();
    })();
}

// Every unexpected server error of a page, route or proxy is logged here with its digest: the
// event id app/error.tsx and app/global-error.tsx show to the user.
export const onRequestError: Instrumentation.onRequestError = (error, request, context) => {
  console.error(requestErrorLog(error, request, context));
};
