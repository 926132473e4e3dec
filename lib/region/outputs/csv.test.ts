import { describe, expect, it } from "vitest";
import { toCsv } from "./csv";

describe("[REGION] CSV export", () => {
  it("neutralises cells a spreadsheet would run as a formula, and quotes separators", () => {
    const csv = toCsv({
      name: "t",
      columns: [
        { key: "a", label: "A", type: "text", width: 1 },
        { key: "b", label: "B", type: "number", width: 1 },
      ],
      rows: [
        ["=HYPERLINK(1)", -3.5],
        ["+1", 2],
        ["-2", null],
        ["@SUM(A1)", 0],
        ["\tx", 1],
        ["\rx", 1],
        ['CH "A"; B', 1],
        ["Clinique", 1],
      ],
    });
    const lines = csv.slice(1).split("\r\n");
    expect(lines[0]).toBe("a;b");
    expect(lines.slice(1, 9)).toEqual([
      "'=HYPERLINK(1);-3,5",
      "'+1;2",
      "'-2;",
      "'@SUM(A1);0",
      "'\tx;1",
      '"\'\rx";1',
      '"CH ""A""; B";1',
      "Clinique;1",
    ]);
    expect(csv.startsWith("\uFEFF")).toBe(true);
  });
});
