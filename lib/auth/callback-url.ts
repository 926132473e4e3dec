// Where to go after sign-in: only a path on this site. The value is resolved the way a browser
// would (new URL: "\" counts as "/", tabs and line breaks are dropped), so "/\evil.example" or
// "/<tab>/evil.example" cannot turn into "//evil.example" after the check. Client-safe.

const BASE = new URL("http://socle.invalid");

export function safeCallbackPath(value: string | string[] | undefined | null): string {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw || !raw.startsWith("/")) return "/";
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return "/";
  }
  if (url.origin !== BASE.origin) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "/.//evil.example" resolves to the path "//evil.example", itself protocol-relative.
  return path.startsWith("//") || path.startsWith("/\\") ? "/" : path;
}
