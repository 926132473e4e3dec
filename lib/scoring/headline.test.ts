import { describe, expect, it } from "vitest";
import { headline, joinFrench, missingPhrase } from "./headline";

describe("[SCORING] French headline", () => {
  it("names the count with agreement", () => {
    expect(headline([], [])).toBe("Éligible");
    expect(headline(["prerequisite"], [])).toBe("Pas encore éligible : 1 prérequis manque");
    expect(headline(["prerequisite", "prerequisite", "prerequisite"], [])).toBe(
      "Pas encore éligible : 3 prérequis manquent",
    );
    expect(missingPhrase(["objective"])).toBe("1 objectif manque");
    expect(missingPhrase(["objective", "objective"])).toBe("2 objectifs manquent");
    expect(missingPhrase(["objective", "prerequisite", "condition"])).toBe(
      "1 condition, 1 prérequis et 1 objectif manquent",
    );
    expect(missingPhrase(["other", "usage", "usage"])).toBe("2 indicateurs et 1 exigence manquent");
  });

  it("names a missing option when no requirement is missing", () => {
    expect(headline([], ["Année cible"])).toBe("Pas encore éligible : « Année cible » à renseigner");
    expect(joinFrench(["a", "b", "c"])).toBe("a, b et c");
  });
});
