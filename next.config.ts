import type { NextConfig } from "next";
import { PHASE_PRODUCTION_SERVER } from "next/constants";
// A bad value fails the build and the start, not a request; what a server needs, only its start.
import { assertReadyToServe } from "./lib/core/env";

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "same-origin" },
  {
    key: "Permissions-Policy",
    value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), browsing-topics=()",
  },
];

// JSON answers and file downloads: nothing in them may run or load anything (pages get their
// nonce-based policy from proxy.ts).
const apiHeaders = [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The deployable: .next/standalone/server.js with only the node_modules it needs (deploy/, README).
  output: "standalone",
  // PGlite ships WASM and data files: keep it out of the bundle and load it from node_modules.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@react-pdf/renderer"],
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      { source: "/api/:path*", headers: apiHeaders },
    ];
  },
};

export default function config(phase: string): NextConfig {
  if (phase === PHASE_PRODUCTION_SERVER) assertReadyToServe();
  return nextConfig;
}
