import { describe, expect, it } from "vitest";
import { canonicalHash } from "./canonical-hash";
import { canonicalJson } from "./canonical-json";
import { parseReferential } from "./parse";
import { editedYaml, VALID_YAML } from "@/test/referentials/fixtures";

function hashOf(text: string): string {
  const result = parseReferential(text, "test.yaml");
  if (!result.ok) throw new Error("fixture should parse");
  return canonicalHash(result.referential);
}

describe("canonicalHash", () => {
  it("[REFERENTIALS] sorts keys at every depth and drops undefined fields", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: undefined } })).toBe(
      '{"a":{"d":[2,{"e":0,"f":1}]},"b":1}',
    );
  });

  it("[REFERENTIALS] ignores key order and default values written out", () => {
    const reordered = VALID_YAML.replace(
      "title: Référentiel de test\nprogramme: HOPEN\n",
      "programme: HOPEN\ntitle: Référentiel de test\n",
    );
    const explicitDefaults = editedYaml((doc) => doc.setIn(["requirements", 0, "weight"], 1));
    expect(hashOf(reordered)).toBe(hashOf(VALID_YAML));
    expect(hashOf(explicitDefaults)).toBe(hashOf(VALID_YAML));
    expect(hashOf(VALID_YAML)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("[REFERENTIALS] changes when a label changes", () => {
    const relabelled = editedYaml((doc) => doc.setIn(["requirements", 0, "label"], "Autre libellé"));
    expect(hashOf(relabelled)).not.toBe(hashOf(VALID_YAML));
  });
});
