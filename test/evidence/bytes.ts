// Synthetic files for the evidence tests: the few bytes each format is recognised by, and minimal
// ZIP containers (stored entries, real local headers and central directory) for the office formats.

const enc = new TextEncoder();
export const bytes = (...parts: (string | number[] | Uint8Array)[]) => {
  const chunks = parts.map((p) => (typeof p === "string" ? enc.encode(p) : Uint8Array.from(p)));
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
};

const le16 = (n: number) => [n & 0xff, (n >>> 8) & 0xff];
const le32 = (n: number) => [...le16(n & 0xffff), ...le16(n >>> 16)];

/** A ZIP archive of stored (uncompressed) entries; CRCs are left at zero, nothing here checks them. */
export function zip(entries: { name: string; data: string | Uint8Array }[]): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = enc.encode(e.name);
    const data = typeof e.data === "string" ? enc.encode(e.data) : e.data;
    const local = bytes(
      [
        0x50,
        0x4b,
        0x03,
        0x04,
        ...le16(20),
        ...le16(0),
        ...le16(0),
        ...le16(0),
        ...le16(0),
        ...le32(0),
        ...le32(data.length),
        ...le32(data.length),
        ...le16(name.length),
        ...le16(0),
      ],
      name,
      data,
    );
    const central = bytes(
      [
        0x50,
        0x4b,
        0x01,
        0x02,
        ...le16(20),
        ...le16(20),
        ...le16(0),
        ...le16(0),
        ...le16(0),
        ...le16(0),
        ...le32(0),
        ...le32(data.length),
        ...le32(data.length),
        ...le16(name.length),
        ...le16(0),
        ...le16(0),
        ...le16(0),
        ...le16(0),
        ...le32(0),
        ...le32(offset),
      ],
      name,
    );
    locals.push(local);
    centrals.push(central);
    offset += local.length;
  }
  const cdSize = centrals.reduce((n, c) => n + c.length, 0);
  const end = bytes([
    0x50,
    0x4b,
    0x05,
    0x06,
    ...le16(0),
    ...le16(0),
    ...le16(entries.length),
    ...le16(entries.length),
    ...le32(cdSize),
    ...le32(offset),
    ...le16(0),
  ]);
  return bytes(...locals, ...centrals, end);
}

const CONTENT_TYPES =
  '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';

/** An Office Open XML package whose application folder is `folder` ("word", "xl", "ppt"). */
export function ooxml(folder: string, padding = 0): Uint8Array {
  return zip([
    { name: "[Content_Types].xml", data: CONTENT_TYPES },
    // A big first part pushes the application folder out of the head: found in the central directory.
    ...(padding > 0 ? [{ name: "docProps/thumbnail.jpeg", data: new Uint8Array(padding).fill(0x41) }] : []),
    { name: "_rels/.rels", data: "<Relationships/>" },
    { name: `${folder}/document.xml`, data: "<document/>" },
  ]);
}

/** A macro-enabled Office Open XML package: the VBA project is the "<folder>/vbaProject.bin" part. */
export function ooxmlWithMacros(folder: string): Uint8Array {
  return zip([
    { name: "[Content_Types].xml", data: CONTENT_TYPES },
    { name: "_rels/.rels", data: "<Relationships/>" },
    { name: `${folder}/document.xml`, data: "<document/>" },
    { name: `${folder}/vbaProject.bin`, data: new Uint8Array(64).fill(0x01) },
  ]);
}

/** A legacy OLE2 document whose directory names a "_VBA_PROJECT" stream `at` bytes in. */
export function oleWithMacros(at: number, size = at + 4096): Uint8Array {
  const out = new Uint8Array(size);
  out.set(SAMPLES.ole2);
  out.set(Uint8Array.from([..."_VBA_PROJECT"].flatMap((c) => [c.charCodeAt(0), 0])), at);
  return out;
}

export function openDocument(kind: "text" | "spreadsheet" | "presentation" | "graphics"): Uint8Array {
  return zip([
    { name: "mimetype", data: `application/vnd.oasis.opendocument.${kind}` },
    { name: "content.xml", data: "<office:document-content/>" },
    { name: "META-INF/manifest.xml", data: "<manifest:manifest/>" },
  ]);
}

export const SAMPLES = {
  pdf: bytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"),
  png: bytes(
    [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13],
    "IHDR",
    [0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0],
  ),
  jpeg: bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], "JFIF", [0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9]),
  webp: bytes("RIFF", [26, 0, 0, 0], "WEBPVP8 ", [14, 0, 0, 0, 0x30, 0x01, 0, 0x9d, 0x01, 0x2a, 1, 0, 1, 0, 0, 0]),
  ole2: bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], new Uint8Array(504)),
  exe: bytes(
    "MZ",
    [0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff, 0, 0],
    "This program cannot be run in DOS mode.",
    new Uint8Array(64),
  ),
  csv: bytes("établissement;part\nCH de Lorient;87,5\n"),
  txt: bytes("\ufeffCompte rendu du comité de sécurité, 12 mars 2026.\r\n"),
};
