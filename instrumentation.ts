// Runs once when a server process boots. The standalone server (.next/standalone/server.js, what
// deploy/ runs) does not evaluate next.config.ts, so the environment is validated here too, and a
// bad value stops the process (Next would only log it and answer every request with a 500).
export async function register() {
  // eslint-disable-next-line no-restricted-properties -- set by Next per runtime, not configuration
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  try {
    await import("./lib/core/env");
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
