// Runs once when the server process starts, before it answers a request.
export async function register() {
  // eslint-disable-next-line no-restricted-properties -- Next's own runtime marker, set at build time
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { assertReadyToServe } = await import("./lib/core/env");
    assertReadyToServe(); // the standalone server does not read next.config.ts
    const { stampPeerAddress } = await import("./lib/core/peer-address");
    stampPeerAddress();
  }
}
