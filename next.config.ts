import type { NextConfig } from "next";
import "./lib/core/env"; // a bad environment fails the build and the start, not a request

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The deployable: .next/standalone/server.js with only the node_modules it needs (deploy/, README).
  output: "standalone",
  // PGlite ships WASM and data files: keep it out of the bundle and load it from node_modules.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@react-pdf/renderer"],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
