import "server-only";
import { env } from "@/lib/core/env";

/**
 * The address printed in an invitation link: SOCLE_PUBLIC_URL when set (the address people know),
 * otherwise the one the inviting browser used (behind a proxy, its forwarded host and scheme).
 */
export function publicOrigin(request: Request): string {
  if (env.publicOrigin) return env.publicOrigin;
  const url = new URL(request.url);
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? url.host;
  const proto = request.headers.get("x-forwarded-proto") ?? url.protocol.replace(":", "");
  return `${proto}://${host}`;
}
