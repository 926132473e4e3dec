import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ACCEPT_ATTRIBUTE,
  detectKinds,
  extensionOf,
  hasMacros,
  isAcceptedExtension,
  isMacroExtension,
  SNIFF_HEAD_BYTES,
  SNIFF_TAIL_BYTES,
  sniff,
  zipEntryNames,
} from "./sniff";
import { bytes, oleWithMacros, ooxml, ooxmlWithMacros, openDocument, SAMPLES, zip } from "@/test/evidence/bytes";

// What the storage hands to sniff(): the first and last KBs and the size.
const asStored = (file: Uint8Array) => ({
  head: file.subarray(0, SNIFF_HEAD_BYTES),
  tail: file.subarray(Math.max(0, file.length - SNIFF_TAIL_BYTES)),
  size: file.length,
});
const check = (file: Uint8Array, name: string) => sniff(asStored(file), name);

describe("[EVIDENCE] sniff: accepted types from their bytes", () => {
  it.each([
    ["rapport.pdf", SAMPLES.pdf, "application/pdf", "PDF"],
    ["capture.png", SAMPLES.png, "image/png", "Image PNG"],
    ["photo.jpg", SAMPLES.jpeg, "image/jpeg", "Image JPEG"],
    ["photo.JPEG", SAMPLES.jpeg, "image/jpeg", "Image JPEG"],
    ["schema.webp", SAMPLES.webp, "image/webp", "Image WebP"],
    [
      "politique.docx",
      ooxml("word"),
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "Document Word",
    ],
    [
      "inventaire.xlsx",
      ooxml("xl"),
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Classeur Excel",
    ],
    [
      "comite.pptx",
      ooxml("ppt"),
      "application/vnd.openxmlformats-officedocument.presentationml.presentation",
      "Présentation PowerPoint",
    ],
    ["note.odt", openDocument("text"), "application/vnd.oasis.opendocument.text", "Texte OpenDocument"],
    [
      "suivi.ods",
      openDocument("spreadsheet"),
      "application/vnd.oasis.opendocument.spreadsheet",
      "Classeur OpenDocument",
    ],
    [
      "revue.odp",
      openDocument("presentation"),
      "application/vnd.oasis.opendocument.presentation",
      "Présentation OpenDocument",
    ],
    ["ancien.doc", SAMPLES.ole2, "application/msword", "Document Word 97-2003"],
    ["ancien.xls", SAMPLES.ole2, "application/vnd.ms-excel", "Classeur Excel 97-2003"],
    ["export.csv", SAMPLES.csv, "text/csv; charset=utf-8", "Tableau CSV"],
    ["compte-rendu.txt", SAMPLES.txt, "text/plain; charset=utf-8", "Texte"],
  ])("%s", (name, file, mime, label) => {
    expect(check(file, name)).toEqual({ mime, label });
  });

  it("finds the Office folder in the central directory when a large first part hides it from the head", () => {
    const file = ooxml("word", SNIFF_HEAD_BYTES + 10_000);
    expect(zipEntryNames(file.subarray(0, SNIFF_HEAD_BYTES))).not.toContain("word/document.xml");
    expect(check(file, "gros.docx")?.label).toBe("Document Word");
  });

  it("accepts a long UTF-8 text whose head and tail cut a character in two", () => {
    const file = bytes("a", "é".repeat(70_000), "b"); // two bytes each, odd offsets: both cuts fall inside characters
    expect(file.length).toBeGreaterThan(SNIFF_HEAD_BYTES + SNIFF_TAIL_BYTES);
    expect((file[SNIFF_HEAD_BYTES]! & 0xc0) === 0x80 && (file[file.length - SNIFF_TAIL_BYTES]! & 0xc0) === 0x80).toBe(
      true,
    );
    expect(check(file.subarray(2), "long.txt")).toBeNull(); // a stray continuation byte at the very start is not text
    expect(check(file, "long.txt")?.mime).toBe("text/plain; charset=utf-8");
    expect(sniff({ head: file.subarray(0, 7), size: 8 }, "coupe.txt")).not.toBeNull();
  });
});

describe("[EVIDENCE] sniff: macros", () => {
  it("names the macro-enabled Office extensions, in any case", () => {
    for (const name of ["a.docm", "b.XLSM", "c.pptm", "d.dotm", "e.xlam", "f.ppsm"])
      expect(isMacroExtension(name)).toBe(true);
    for (const name of ["a.docx", "b.xlsx", "c.pptx", "d.pdf", "docm"]) expect(isMacroExtension(name)).toBe(false);
  });

  it("finds the VBA project of an Office Open XML file, whatever its extension says", () => {
    for (const folder of ["word", "xl", "ppt"]) expect(hasMacros(asStored(ooxmlWithMacros(folder)))).toBe(true);
    for (const folder of ["word", "xl", "ppt"]) expect(hasMacros(asStored(ooxml(folder)))).toBe(false);
  });

  it("finds the _VBA_PROJECT stream of a legacy OLE2 document in its head, its tail, or from the storage's scan", () => {
    expect(hasMacros(asStored(oleWithMacros(1024)))).toBe(true);
    const deep = oleWithMacros(300 * 1024, 600 * 1024); // neither in the head nor in the tail
    expect(hasMacros(asStored(deep))).toBe(false);
    expect(hasMacros({ ...asStored(deep), markerSeen: true })).toBe(true);
    expect(hasMacros(asStored(SAMPLES.ole2))).toBe(false);
  });

  it("never flags a PDF or a text that merely mentions vbaProject.bin", () => {
    expect(hasMacros({ ...asStored(bytes("%PDF-1.7\n% about vbaProject.bin\n")), markerSeen: true })).toBe(false);
    expect(hasMacros(asStored(bytes("Le fichier vbaProject.bin contient les macros.\n")))).toBe(false);
  });
});

describe("[EVIDENCE] sniff: refused content", () => {
  it("refuses a PNG renamed .pdf, and a PDF renamed .png", () => {
    expect(check(SAMPLES.png, "rapport.pdf")).toBeNull();
    expect(check(SAMPLES.pdf, "capture.png")).toBeNull();
  });

  it("refuses a program (MZ) renamed .pdf, .txt or .doc", () => {
    for (const name of ["facture.pdf", "lisez-moi.txt", "ancien.doc", "programme.exe"])
      expect(check(SAMPLES.exe, name)).toBeNull();
  });

  it("refuses random bytes whatever the name", () => {
    let seed = 42;
    const random = Uint8Array.from({ length: 4096 }, () => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24);
    expect(detectKinds(asStored(random))).toEqual([]);
    for (const name of ["a.pdf", "a.png", "a.docx", "a.txt", "a.csv", "a.doc"]) expect(check(random, name)).toBeNull();
  });

  it("refuses an office document whose extension names another application", () => {
    expect(check(ooxml("word"), "classeur.xlsx")).toBeNull();
    expect(check(openDocument("text"), "classeur.ods")).toBeNull();
    expect(check(ooxml("xl"), "archive.zip")).toBeNull();
  });

  it("refuses a plain ZIP, an OpenDocument drawing and a ZIP named .docx without [Content_Types].xml", () => {
    expect(check(zip([{ name: "word/document.xml", data: "<x/>" }]), "faux.docx")).toBeNull();
    expect(check(openDocument("graphics"), "dessin.odt")).toBeNull();
    expect(
      check(zip([{ name: "mimetype", data: "application/vnd.oasis.opendocument.text-template" }]), "modele.odt"),
    ).toBeNull();
  });

  it("refuses text with NUL or control characters, and text that is not UTF-8", () => {
    expect(check(bytes("a;b\n", [0], "c;d\n"), "export.csv")).toBeNull();
    expect(check(bytes("alerte", [0x1b], "[31m"), "journal.txt")).toBeNull();
    expect(check(bytes("r", [0xe9], "sum", [0xe9], "\n"), "latin1.csv")).toBeNull(); // Windows-1252 "résumé"
  });

  it("refuses a file without extension and HTML named .html", () => {
    expect(check(SAMPLES.pdf, "rapport")).toBeNull();
    expect(check(bytes("<!doctype html><script>alert(1)</script>"), "page.html")).toBeNull();
  });

  it("never throws, whatever the bytes and the name", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), fc.string({ maxLength: 40 }), (file, name) => {
        const result = check(file, name);
        expect(result === null || typeof result.mime === "string").toBe(true);
      }),
    );
  });
});

describe("[EVIDENCE] sniff: names and accept list", () => {
  it("reads the extension of the last path segment, lower case", () => {
    expect(extensionOf("C:\\fakepath\\Rapport.Final.PDF")).toBe("pdf");
    expect(extensionOf(".bashrc")).toBe("");
    expect(extensionOf("dossier.pdf/readme")).toBe("");
    expect(isAcceptedExtension("x.exe")).toBe(false);
    expect(ACCEPT_ATTRIBUTE).toContain(".docx");
  });
});
