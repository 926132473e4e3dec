import { describe, expect, it } from "vitest";
import { contentDisposition, sanitizeFileName } from "./file-name";
import { formatDateTime, formatFileSize } from "./format";

const spaces = (s: string) => s.replace(/\s/g, " ");

describe("[EVIDENCE] stored display names", () => {
  it("keeps the last path segment only", () => {
    expect(sanitizeFileName("C:\\fakepath\\PSSI 2026.pdf")).toBe("PSSI 2026.pdf");
    expect(sanitizeFileName("../../etc/passwd")).toBe("passwd");
  });

  it("strips control characters and bidi overrides, collapses spaces", () => {
    expect(sanitizeFileName("rap\u0000port\n  final\t.pdf")).toBe("rapport final .pdf");
    expect(sanitizeFileName("facture\u202Efdp.exe")).toBe("facturefdp.exe");
  });

  it("falls back to a neutral name when nothing is left", () => {
    expect(sanitizeFileName("..")).toBe("fichier");
    expect(sanitizeFileName("dossier/")).toBe("fichier");
    expect(sanitizeFileName("\u0001\u0002")).toBe("fichier");
  });

  it("cuts at 200 characters, keeping the extension and whole characters", () => {
    const long = sanitizeFileName(`${"é".repeat(300)}.docx`);
    expect(Array.from(long)).toHaveLength(200);
    expect(long.endsWith("é.docx")).toBe(true);
    expect(Array.from(sanitizeFileName("😀".repeat(250)))).toHaveLength(200);
  });

  it("replaces lone surrogates instead of failing later", () => {
    expect(sanitizeFileName("a\ud800b.txt")).toBe("a\ufffdb.txt");
    expect(() => contentDisposition("a\ud800b.txt")).not.toThrow();
  });
});

describe("[EVIDENCE] download header", () => {
  it("sends an ASCII fallback and the exact UTF-8 name", () => {
    expect(contentDisposition('Procédure d\'accès (v2) "final".pdf')).toBe(
      "attachment; filename=\"Procedure d'acces (v2) _final_.pdf\"; filename*=UTF-8''Proc%C3%A9dure%20d%27acc%C3%A8s%20%28v2%29%20%22final%22.pdf",
    );
  });
});

describe("[EVIDENCE] French formats", () => {
  it("formats sizes in binary multiples", () => {
    expect(spaces(formatFileSize(512))).toBe("512 o");
    expect(spaces(formatFileSize(12 * 1024))).toBe("12 ko");
    expect(spaces(formatFileSize(1024 * 1024 - 1))).toBe("1 Mo");
    expect(spaces(formatFileSize(1.5 * 1024 * 1024))).toBe("1,5 Mo");
    expect(spaces(formatFileSize(20 * 1024 * 1024))).toBe("20 Mo");
  });

  it("formats dates in Paris time", () => {
    expect(formatDateTime("2026-03-02T13:05:00Z")).toBe("02/03/2026 14:05");
    expect(formatDateTime("n'importe quoi")).toBe("");
  });
});
