// Pure and client-safe: tells what a file really is from its bytes, never from its name or the
// browser's declared type. The extension must then agree with what the bytes say, so a PNG named
// .pdf or a program renamed .pdf is refused. Only the first and last KBs are needed, so a large
// upload is checked without holding it in memory.

/** How much of the start and of the end of a file the storage keeps for sniff(). */
export const SNIFF_HEAD_BYTES = 64 * 1024;
export const SNIFF_TAIL_BYTES = 64 * 1024;

import { extensionOf, KINDS, type KindKey, type SniffedType } from "./kinds";

export {
  ACCEPT_ATTRIBUTE,
  ACCEPTED_EXTENSIONS,
  extensionOf,
  isAcceptedExtension,
  isMacroExtension,
  MACRO_EXTENSIONS,
  type SniffedType,
} from "./kinds";

export type SniffInput = {
  /** The first bytes of the file (the whole file when it is small). */
  head: Uint8Array;
  /** The last bytes of the file, for the ZIP central directory. */
  tail?: Uint8Array;
  /** The file's full size; defaults to head.length (the head is the whole file). */
  size?: number;
};

/**
 * The real type of a file whose extension agrees with its content, or null: unknown content,
 * or content of another family than the extension says.
 */
export function sniff(input: SniffInput, fileName: string): SniffedType | null {
  const extension = extensionOf(fileName);
  const match = detectKinds(input).find((key) => (KINDS[key].extensions as readonly string[]).includes(extension));
  return match ? { mime: KINDS[match].mime, label: KINDS[match].label } : null;
}

/** What the bytes can be, before looking at the name (several candidates for OLE2 and text). */
export function detectKinds({ head, tail, size = head.length }: SniffInput): KindKey[] {
  if (startsWith(head, PDF)) return ["pdf"];
  if (startsWith(head, PNG)) return ["png"];
  if (startsWith(head, JPEG)) return ["jpeg"];
  if (startsWith(head, RIFF) && startsWith(head, WEBP, 8)) return ["webp"];
  if (startsWith(head, OLE2)) return ["doc", "xls"];
  if (startsWith(head, ZIP_LOCAL)) return detectZip(head, tail);
  return isUtf8Text(head, tail, size) ? ["txt", "csv"] : [];
}

// ─── Signatures ──────────────────────────────────────────────────────────────

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const PDF = ascii("%PDF-");
const PNG = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
const JPEG = Uint8Array.of(0xff, 0xd8, 0xff);
const RIFF = ascii("RIFF");
const WEBP = ascii("WEBP");
const OLE2 = Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1);
const ZIP_LOCAL = Uint8Array.of(0x50, 0x4b, 0x03, 0x04);
const ZIP_CENTRAL = Uint8Array.of(0x50, 0x4b, 0x01, 0x02);

function startsWith(bytes: Uint8Array, prefix: Uint8Array, offset = 0): boolean {
  if (bytes.length < offset + prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[offset + i] !== prefix[i]) return false;
  return true;
}

function indexOf(bytes: Uint8Array, needle: Uint8Array, from: number): number {
  outer: for (let i = from; i <= bytes.length - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

const u16 = (b: Uint8Array, at: number) => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, at: number) => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;
const latin = new TextDecoder("latin1");

// ─── ZIP containers: OpenDocument and Office Open XML ─────────────────────────

const ODF_MIMES = new Map<string, KindKey>([
  ["application/vnd.oasis.opendocument.text", "odt"],
  ["application/vnd.oasis.opendocument.spreadsheet", "ods"],
  ["application/vnd.oasis.opendocument.presentation", "odp"],
]);

function detectZip(head: Uint8Array, tail: Uint8Array | undefined): KindKey[] {
  // OpenDocument: the first entry is "mimetype", stored uncompressed, holding the media type.
  if (u16(head, 26) === 8 && latin.decode(head.subarray(30, 38)) === "mimetype" && u16(head, 8) === 0) {
    const dataStart = 30 + 8 + u16(head, 28);
    const declared = u32(head, 18);
    const kind =
      declared > 0 && declared < 200
        ? ODF_MIMES.get(latin.decode(head.subarray(dataStart, dataStart + declared)))
        : undefined;
    return kind ? [kind] : [];
  }
  // Office Open XML: [Content_Types].xml plus the part folder that names the application.
  const names = zipEntryNames(head, tail);
  if (!names.includes("[Content_Types].xml")) return [];
  const kinds: KindKey[] = [];
  if (names.some((n) => n.startsWith("word/"))) kinds.push("docx");
  if (names.some((n) => n.startsWith("xl/"))) kinds.push("xlsx");
  if (names.some((n) => n.startsWith("ppt/"))) kinds.push("pptx");
  return kinds;
}

/** Entry names from the local headers found in the head and the central directory found in the tail. */
export function zipEntryNames(head: Uint8Array, tail?: Uint8Array): string[] {
  const names: string[] = [];
  const collect = (bytes: Uint8Array, signature: Uint8Array, nameLengthAt: number, nameAt: number) => {
    for (let i = indexOf(bytes, signature, 0); i >= 0; i = indexOf(bytes, signature, i + 4)) {
      const length = u16(bytes, i + nameLengthAt);
      if (i + nameAt + length > bytes.length) break;
      names.push(latin.decode(bytes.subarray(i + nameAt, i + nameAt + length)));
    }
  };
  collect(head, ZIP_LOCAL, 26, 30);
  if (tail) collect(tail, ZIP_CENTRAL, 28, 46);
  return names;
}

// ─── Plain text ──────────────────────────────────────────────────────────────

/**
 * Valid UTF-8 without NUL or other control characters than tab, line feed, form feed and carriage
 * return. A head or tail cut inside a multi-byte character is not an error.
 */
function isUtf8Text(head: Uint8Array, tail: Uint8Array | undefined, size: number): boolean {
  if (!isTextChunk(head, false, size > head.length)) return false;
  return !tail || size <= head.length || isTextChunk(tail, size > tail.length, false);
}

function isTextChunk(bytes: Uint8Array, cutAtStart: boolean, cutAtEnd: boolean): boolean {
  for (const b of bytes) {
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) return false;
    if (b === 0x7f) return false;
  }
  let start = 0;
  // Skip the continuation bytes of a character that began before this chunk.
  if (cutAtStart) while (start < 3 && start < bytes.length && ((bytes[start] ?? 0) & 0xc0) === 0x80) start++;
  try {
    // stream: true keeps an incomplete last character pending instead of throwing.
    new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(start), { stream: cutAtEnd });
    return true;
  } catch {
    return false;
  }
}

// ─── Macros ──────────────────────────────────────────────────────────────────

/**
 * The names a VBA project is stored under: "vbaProject.bin", a ZIP entry of an Office Open XML
 * file (its name is in clear in the local header and the central directory), and "_VBA_PROJECT",
 * a stream of a legacy OLE2 document, named in UTF-16 in the compound file's directory.
 */
export const MACRO_MARKERS: readonly Uint8Array[] = [
  ascii("vbaProject.bin"),
  Uint8Array.from([..."_VBA_PROJECT"].flatMap((c) => [c.charCodeAt(0), 0])),
];
export const LONGEST_MACRO_MARKER = Math.max(...MACRO_MARKERS.map((m) => m.length));

export function containsMacroMarker(bytes: Uint8Array): boolean {
  return MACRO_MARKERS.some((marker) => indexOf(bytes, marker, 0) >= 0);
}

/**
 * An Office document (Open XML or OLE2) that carries a VBA project. `markerSeen` is what the
 * storage found scanning every chunk of a large file; head and tail are enough for a small one.
 * Other kinds are never flagged: a PDF or a text may well talk about vbaProject.bin.
 */
export function hasMacros(input: SniffInput & { markerSeen?: boolean }): boolean {
  const kinds = detectKinds(input);
  if (!kinds.some((k) => OFFICE_KINDS.has(k))) return false;
  return (
    Boolean(input.markerSeen) || containsMacroMarker(input.head) || (!!input.tail && containsMacroMarker(input.tail))
  );
}

const OFFICE_KINDS = new Set<KindKey>(["docx", "xlsx", "pptx", "doc", "xls"]);
