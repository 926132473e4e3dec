// Runs once when the server process starts, before it answers a request.
export async function register() {
  // eslint-disable-next-line no-restricted-properties -- Next's own runtime marker, set at build time
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { assertReadyToServe } = await import("./lib/core/env");
    assertReadyToServe(); // the standalone server does not read next.config.ts
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
}
