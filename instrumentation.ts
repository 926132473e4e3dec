// Runs once when a server process boots, before it answers a request. The standalone server
// (.next/standalone/server.js, what deploy/ runs) does not evaluate next.config.ts, so the environment
// is validated here too, and a bad value stops the process (Next would only log it and answer every
// request with a 500).
export async function register() {
  // eslint-disable-next-line no-restricted-properties -- Next's own runtime marker, set at build time
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  try {
    const { assertReadyToServe } = await import("./lib/core/env");
    assertReadyToServe();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  const { stampPeerAddress } = await import("./lib/core/peer-address");
  stampPeerAddress();
  // Dossiers submitted but not sealed (the demo's, or a seal whose every retry failed): sealed
  // now, as their director, never by a download.
  const [{ db }, { sealOrigin }, { sealPendingDossiers }] = await Promise.all([
    import("./lib/core/db"),
    import("./lib/dossier/origin"),
    import("./lib/dossier/seal-pending"),
  ]);
  await sealPendingDossiers(db, sealOrigin()).catch((error: unknown) =>
    console.error("[socle] sealing pending dossiers at start failed", error),
  );
}
