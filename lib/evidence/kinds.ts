// Client-safe: the accepted file kinds and the extension check. Kept apart from sniff.ts so the
// questionnaire's upload control ships only this, not the byte-level detection.

export type SniffedType = { mime: string; label: string };

type Kind = SniffedType & { extensions: readonly string[] };

export const KINDS = {
  pdf: { mime: "application/pdf", label: "PDF", extensions: ["pdf"] },
  png: { mime: "image/png", label: "Image PNG", extensions: ["png"] },
  jpeg: { mime: "image/jpeg", label: "Image JPEG", extensions: ["jpg", "jpeg"] },
  webp: { mime: "image/webp", label: "Image WebP", extensions: ["webp"] },
  docx: {
    mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    label: "Document Word",
    extensions: ["docx"],
  },
  xlsx: {
    mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    label: "Classeur Excel",
    extensions: ["xlsx"],
  },
  pptx: {
    mime: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    label: "Présentation PowerPoint",
    extensions: ["pptx"],
  },
  odt: { mime: "application/vnd.oasis.opendocument.text", label: "Texte OpenDocument", extensions: ["odt"] },
  ods: { mime: "application/vnd.oasis.opendocument.spreadsheet", label: "Classeur OpenDocument", extensions: ["ods"] },
  odp: {
    mime: "application/vnd.oasis.opendocument.presentation",
    label: "Présentation OpenDocument",
    extensions: ["odp"],
  },
  doc: { mime: "application/msword", label: "Document Word 97-2003", extensions: ["doc"] },
  xls: { mime: "application/vnd.ms-excel", label: "Classeur Excel 97-2003", extensions: ["xls"] },
  txt: { mime: "text/plain; charset=utf-8", label: "Texte", extensions: ["txt"] },
  csv: { mime: "text/csv; charset=utf-8", label: "Tableau CSV", extensions: ["csv"] },
} as const satisfies Record<string, Kind>;

export type KindKey = keyof typeof KINDS;

/** Every accepted extension, lower case, without the dot. */
export const ACCEPTED_EXTENSIONS: readonly string[] = Object.values(KINDS).flatMap((k) => k.extensions);

/** For `<input type="file" accept>`: a hint to the browser's picker, never a check. */
export const ACCEPT_ATTRIBUTE = ACCEPTED_EXTENSIONS.map((e) => `.${e}`).join(",");

/** The extension of a file name, lower case, without the dot ("" when there is none). */
export function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? "";
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : "";
}

/** Macro-enabled Office formats (Word, Excel, PowerPoint templates and add-ins included). */
export const MACRO_EXTENSIONS: readonly string[] = [
  "docm",
  "dotm",
  "xlsm",
  "xltm",
  "xlam",
  "xlsb",
  "pptm",
  "potm",
  "ppsm",
  "ppam",
  "sldm",
];

export function isMacroExtension(fileName: string): boolean {
  return MACRO_EXTENSIONS.includes(extensionOf(fileName));
}

export function isAcceptedExtension(fileName: string): boolean {
  return ACCEPTED_EXTENSIONS.includes(extensionOf(fileName));
}
