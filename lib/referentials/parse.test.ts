import type { Document } from "yaml";
import { describe, expect, it } from "vitest";
import { formatParseErrors, parseReferential, type TParseError } from "./parse";
import { editedYaml, VALID_YAML } from "@/test/referentials/fixtures";

function errorsOf(text: string): TParseError[] {
  const result = parseReferential(text, "test.yaml");
  if (result.ok) throw new Error("the file was expected to be refused");
  return result.errors;
}

describe("parseReferential", () => {
  it("[REFERENTIALS] accepts the valid fixture and applies defaults", () => {
    const result = parseReferential(VALID_YAML, "test.yaml");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.referential.requirements[0]).toMatchObject({ weight: 1, naAllowed: false, mappings: [] });
    expect(result.referential.publishedOn).toBe("2024-01-01");
  });

  // Each edit breaks exactly one rule: the file is refused with that one error, located and in French.
  const cases: [string, (doc: Document) => void, string, string][] = [
    [
      "a duplicate requirement code",
      (d) => d.setIn(["requirements", 1, "code"], "A.1"),
      "requirements[1] (A.1).code",
      "Code d'exigence « A.1 » en double",
    ],
    [
      "an unknown domain",
      (d) => d.setIn(["requirements", 0, "domain"], "Z"),
      "requirements[0] (A.1).domain",
      "Domaine « Z » inconnu",
    ],
    [
      "a missing label",
      (d) => d.deleteIn(["requirements", 0, "label"]),
      "requirements[0] (A.1).label",
      "Champ obligatoire manquant.",
    ],
    [
      "a wrong answer type",
      (d) => d.setIn(["requirements", 0, "answer", "type"], "slider"),
      "requirements[0] (A.1).answer.type",
      "« type » absent ou inconnu",
    ],
    [
      "a percentage target above 100",
      (d) => d.setIn(["requirements", 1, "answer", "target"], 120),
      "requirements[1] (A.2).answer.target",
      "entre 0 et 100",
    ],
    [
      "an unknown key",
      (d) => d.setIn(["requirements", 0, "lable"], "x"),
      "requirements[0] (A.1)",
      "Champ inconnu : « lable »",
    ],
    [
      "a showIf on an unknown code",
      (d) => d.setIn(["requirements", 0, "showIf"], { code: "B.9", equals: "yes" }),
      "requirements[0] (A.1).showIf.code",
      "« B.9 », inconnue",
    ],
    [
      "a showIf on an unknown option choice",
      (d) => d.setIn(["requirements", 0, "showIf"], { option: "domains", includes: "Y" }),
      "requirements[0] (A.1).showIf.includes",
      "« Y » n'est pas un choix",
    ],
    ["an empty requirement list", (d) => d.setIn(["requirements"], []), "requirements", "au moins une exigence"],
    ["a missing version", (d) => d.deleteIn(["version"]), "version", "Champ obligatoire manquant."],
    ["an unquoted numeric version", (d) => d.setIn(["version"], 2019.2), "version", "entre guillemets"],
    [
      "an eligibility rule naming an unknown code",
      (d) => d.setIn(["eligibility", "alsoRequire"], ["QHN"]),
      "eligibility.alsoRequire[0]",
      "« QHN », qui n'existe pas",
    ],
    [
      "a duplicate domain code",
      (d) => d.addIn(["domains"], { code: "A", title: "Bis", description: "Bis" }),
      "domains[1] (A).code",
      "Code de domaine « A » en double",
    ],
    ["an unknown programme", (d) => d.setIn(["programme"], "HOPEN2"), "programme", "Valeur non admise"],
    [
      "a negative weight",
      (d) => d.setIn(["requirements", 0, "weight"], -1),
      "requirements[0] (A.1).weight",
      "strictement positif",
    ],
    [
      "a year target on a yes/no answer",
      (d) => d.setIn(["requirements", 0, "targetsByYear"], { "2027": { label: "x", target: 50 } }),
      "requirements[0] (A.1).targetsByYear.2027.target",
      "cible chiffrée",
    ],
    [
      "a targets_of_year rule without a single-choice option",
      (d) => d.setIn(["eligibility"], { kind: "targets_of_year", option: "domains" }),
      "eligibility.option",
      "à choix unique",
    ],
    ["a bad publication date", (d) => d.setIn(["publishedOn"], "26/07/2019"), "publishedOn", "AAAA-MM-JJ"],
  ];

  it.each(cases)("[REFERENTIALS] rejects %s", (_name, edit, path, message) => {
    const errors = errorsOf(editedYaml(edit));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: "test.yaml", path });
    expect(errors[0]?.message).toContain(message);
  });

  it("[REFERENTIALS] reports a YAML syntax error with its line", () => {
    const text = VALID_YAML.replace("  - title: Source de test", "  - title: [Source de test");
    const [error] = errorsOf(text);
    expect(error).toMatchObject({ file: "test.yaml", path: "syntaxe YAML" });
    expect(error?.line).toBeGreaterThanOrEqual(7);
    expect(error?.message).toMatch(/\([A-Z_]+\)$/);
  });

  it("[REFERENTIALS] reports a duplicate YAML key with its line", () => {
    const text = VALID_YAML.replace("title: Référentiel de test\n", "title: Référentiel de test\ntitle: Doublon\n");
    expect(errorsOf(text)).toEqual([
      { file: "test.yaml", path: "syntaxe YAML", line: 4, message: "Clé en double dans le même bloc. (DUPLICATE_KEY)" },
    ]);
  });

  it("[REFERENTIALS] gives the line of a schema error", () => {
    const text = VALID_YAML.replace("    domain: A\n    label: Deuxième", "    domain: Z\n    label: Deuxième");
    const [error] = errorsOf(text);
    expect(error).toMatchObject({
      path: "requirements[1] (A.2).domain",
      line: text.split("\n").indexOf("    domain: Z") + 1,
    });
  });

  it("[REFERENTIALS] refuses a NUL character (YAML's \\0 escape), which the database cannot store", () => {
    const text = VALID_YAML.replace("title: Référentiel de test\n", 'title: "Référentiel\\0 de test"\n');
    expect(errorsOf(text)).toEqual([
      expect.objectContaining({ path: "texte", message: expect.stringContaining("caractère nul") }),
    ]);
  });

  it("[REFERENTIALS] refuses an empty file at the root", () => {
    expect(errorsOf("")).toEqual([
      expect.objectContaining({ path: "(racine)", message: expect.stringContaining("un bloc de champs") }),
    ]);
  });

  it("[REFERENTIALS] formats errors one per line as « fichier : chemin : problème »", () => {
    const text = formatParseErrors([
      { file: "a.yaml", line: 3, path: "version", message: "Champ obligatoire manquant." },
      { file: "a.yaml", path: "(racine)", message: "Autre." },
    ]);
    expect(text).toBe("a.yaml:3 : version : Champ obligatoire manquant.\na.yaml : (racine) : Autre.");
  });
});
