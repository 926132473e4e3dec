import { describe, expect, it } from "vitest";
import { diffReferentials } from "./diff";
import { parseReferential } from "./parse";
import type { TReferentialFile } from "./schemas";
import { editedYaml, VALID_YAML } from "@/test/referentials/fixtures";

function parsed(text: string): TReferentialFile {
  const result = parseReferential(text, "test.yaml");
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join("\n"));
  return result.referential;
}

const previous = parsed(VALID_YAML);

describe("diffReferentials", () => {
  it("[REFERENTIALS] finds an added, a removed and a changed requirement", () => {
    const next = parsed(
      editedYaml((doc) => {
        doc.setIn(["version"], "1.1");
        doc.setIn(["requirements", 1, "label"], "Deuxième exigence, reformulée");
        doc.setIn(["requirements", 0, "code"], "A.3");
      }),
    );
    const diff = diffReferentials(previous, next);
    expect(diff.added.map((r) => r.code)).toEqual(["A.3"]);
    expect(diff.removed.map((r) => r.code)).toEqual(["A.1"]);
    expect(diff.changed).toEqual([
      {
        code: "A.2",
        fields: [{ field: "label", before: "Deuxième exigence", after: "Deuxième exigence, reformulée" }],
      },
    ]);
    expect(diff.metadata).toEqual([]);
  });

  it("[REFERENTIALS] reports renamed, added and removed domains and nested answer changes", () => {
    const next = parsed(
      editedYaml((doc) => {
        doc.setIn(["domains", 0, "title"], "Domaine A renommé");
        doc.addIn(["domains"], { code: "B", title: "Domaine B", description: "Nouveau" });
        doc.setIn(["requirements", 1, "answer", "target"], 95);
      }),
    );
    const diff = diffReferentials(previous, next);
    expect(diff.domains.added.map((d) => d.code)).toEqual(["B"]);
    expect(diff.domains.removed).toEqual([]);
    expect(diff.domains.changed).toEqual([
      { code: "A", fields: [{ field: "title", before: "Domaine A", after: "Domaine A renommé" }] },
    ]);
    expect(diff.changed).toEqual([{ code: "A.2", fields: [expect.objectContaining({ field: "answer" })] }]);
  });

  it("[REFERENTIALS] finds nothing between a referential and itself with keys reordered", () => {
    const reordered = parsed(
      VALID_YAML.replace(
        "    blocking: true\n    proofs: [Une pièce]\n",
        "    proofs: [Une pièce]\n    blocking: true\n",
      ),
    );
    expect(diffReferentials(previous, reordered)).toEqual({
      added: [],
      removed: [],
      changed: [],
      domains: { added: [], removed: [], changed: [] },
      metadata: [],
    });
  });
});
