import { env } from "@/lib/core/env";

// The origin printed in the QR code. A SEALED dossier is permanent: its address is SOCLE_PUBLIC_URL
// (required in production; npm start's demo sets its own address), never a request's Host or
// X-Forwarded-Host, which a client can forge. Outside production without it, a local address.
export const LOCAL_ORIGIN = "http://localhost:3000";

export function sealOrigin(): string {
  return env.publicOrigin ?? LOCAL_ORIGIN;
}

// A draft preview is rendered on the fly, watermarked, never stored nor verifiable: it may point
// back to the address the browser used, as the nearest proxy reports it. Only a plain scheme and
// host are kept; anything odd falls back to the request URL's origin.

const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

export function requestOrigin(request: Request): string {
  if (env.publicOrigin) return env.publicOrigin;
  const url = new URL(request.url);
  const host =
    request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() ?? request.headers.get("host") ?? url.host;
  const proto = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() ?? url.protocol.replace(/:$/, "");
  if (!HOST.test(host) || (proto !== "http" && proto !== "https")) return url.origin;
  return `${proto}://${host}`;
}
