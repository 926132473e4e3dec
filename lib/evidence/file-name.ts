// Pure: the display name kept for a file, and the header that hands it back on download. The name
// is only ever shown and sent back: the storage path comes from the content's hash, never from it.

const MAX_NAME_CHARS = 200;
// C0 and C1 controls, and the bidirectional overrides that make "fdp.exe" read as "exe.pdf".
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * The last path segment of the name the browser sent (some send "C:\fakepath\x.pdf"), without
 * controls or bidi overrides, spaces collapsed, at most 200 characters (the extension kept).
 */
export function sanitizeFileName(raw: string): string {
  const segment = raw.replace(LONE_SURROGATE, "\ufffd").normalize("NFC").split(/[\\/]/).pop() ?? "";
  const clean = segment.replace(/\s+/g, " ").replace(CONTROL, "").replace(BIDI, "").trim();
  if (!clean || /^[.\s]+$/.test(clean)) return "fichier";
  const chars = Array.from(clean); // code points: never cut a character in two
  if (chars.length <= MAX_NAME_CHARS) return clean;
  const dot = clean.lastIndexOf(".");
  const extension = dot > 0 ? Array.from(clean.slice(dot)) : [];
  if (extension.length === 0 || extension.length > 16) return chars.slice(0, MAX_NAME_CHARS).join("");
  return (
    chars
      .slice(0, MAX_NAME_CHARS - extension.length)
      .join("")
      .trimEnd() + extension.join("")
  );
}

/** `attachment` with an ASCII fallback name and the exact UTF-8 name (RFC 6266 / RFC 8187). */
export function contentDisposition(fileName: string): string {
  const name = sanitizeFileName(fileName);
  const fallback = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x20-\x7e]|["\\]/g, "_");
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
