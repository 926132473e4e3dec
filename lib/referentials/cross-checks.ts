import type { z } from "zod";
import { findDuplicates } from "./field-schemas";
import type { TReferentialFile } from "./schemas";
import type { TRequirement } from "./requirement-schema";

// Checks that span several fields of a referential file. zod runs them only once the file's shape
// is valid, so the code below can trust the types.

type TIssue = { path: (string | number)[]; message: string };

export function checkReferentialConsistency(ref: TReferentialFile, ctx: z.RefinementCtx): void {
  const issues = [...checkUniqueness(ref), ...checkRequirements(ref), ...checkEligibility(ref)];
  for (const { path, message } of issues) ctx.addIssue({ code: "custom", path, message });
}

/** Reports the second and later occurrences, where the author most likely pasted a block. */
function duplicatesIn(values: string[], what: string, path: (i: number) => (string | number)[]): TIssue[] {
  return findDuplicates(values).map((dup) => ({
    path: path(values.indexOf(dup, values.indexOf(dup) + 1)),
    message: `${what} « ${dup} » en double : chaque valeur doit être unique.`,
  }));
}

function checkUniqueness(ref: TReferentialFile): TIssue[] {
  const issues = [
    ...duplicatesIn(
      ref.domains.map((d) => d.code),
      "Code de domaine",
      (i) => ["domains", i, "code"],
    ),
    ...duplicatesIn(
      ref.requirements.map((r) => r.code),
      "Code d'exigence",
      (i) => ["requirements", i, "code"],
    ),
    ...duplicatesIn(
      ref.options.map((o) => o.key),
      "Option",
      (i) => ["options", i, "key"],
    ),
  ];
  ref.options.forEach((option, o) =>
    issues.push(
      ...duplicatesIn(
        option.choices.map((c) => c.value),
        "Choix",
        (i) => ["options", o, "choices", i, "value"],
      ),
    ),
  );
  return issues;
}

function checkRequirements(ref: TReferentialFile): TIssue[] {
  const domainCodes = new Set(ref.domains.map((d) => d.code));
  const codes = new Set(ref.requirements.map((r) => r.code));
  const issues: TIssue[] = [];
  ref.requirements.forEach((req, i) => {
    const at = (...rest: (string | number)[]) => ["requirements", i, ...rest];
    if (!domainCodes.has(req.domain)) {
      issues.push({
        path: at("domain"),
        message: `Domaine « ${req.domain} » inconnu : il n'est pas déclaré dans « domains ».`,
      });
    }
    if (req.showIf && "code" in req.showIf && (!codes.has(req.showIf.code) || req.showIf.code === req.code)) {
      issues.push({
        path: at("showIf", "code"),
        message: `La condition d'affichage vise l'exigence « ${req.showIf.code} », inconnue ou elle-même.`,
      });
    }
    if (req.showIf && "option" in req.showIf) {
      const { option, includes } = req.showIf;
      const declared = ref.options.find((o) => o.key === option);
      if (!declared)
        issues.push({
          path: at("showIf", "option"),
          message: `Option « ${option} » inconnue : elle n'est pas déclarée dans « options ».`,
        });
      else if (!declared.choices.some((c) => c.value === includes)) {
        issues.push({
          path: at("showIf", "includes"),
          message: `« ${includes} » n'est pas un choix de l'option « ${option} ».`,
        });
      }
    }
    if (req.answer.type === "choice" && req.answer.metValues) {
      issues.push(...unknownChoices(req, req.answer.metValues, at("answer", "metValues")));
    }
    issues.push(...checkYearTargets(ref, req, at));
  });
  return issues;
}

function unknownChoices(req: TRequirement, values: string[], path: (string | number)[]): TIssue[] {
  const allowed = req.answer.type === "choice" ? req.answer.options.map((o) => o.value) : [];
  return values
    .filter((v) => !allowed.includes(v))
    .map((v) => ({ path, message: `« ${v} » n'est pas une valeur de réponse de l'exigence « ${req.code} ».` }));
}

/** A year target must speak the answer's language: a number for numbers, choice values for choices. */
function checkYearTargets(
  ref: TReferentialFile,
  req: TRequirement,
  at: (...rest: (string | number)[]) => (string | number)[],
): TIssue[] {
  const issues: TIssue[] = [];
  const yearRule = ref.eligibility.kind === "targets_of_year" ? ref.eligibility : undefined;
  const years = ref.options.find((o) => o.key === yearRule?.option)?.choices.map((c) => c.value);
  for (const [year, target] of Object.entries(req.targetsByYear ?? {})) {
    if (years && !years.includes(year)) {
      issues.push({
        path: at("targetsByYear", year),
        message: `Année « ${year} » absente des choix de l'option « ${yearRule?.option} ».`,
      });
    }
    const numeric = req.answer.type === "percentage" || req.answer.type === "number";
    if (target.target !== undefined && !numeric) {
      issues.push({
        path: at("targetsByYear", year, "target"),
        message: "Une cible chiffrée n'a de sens que pour une réponse en pourcentage ou en nombre.",
      });
    }
    if (req.answer.type === "percentage" && target.target !== undefined && (target.target < 0 || target.target > 100)) {
      issues.push({
        path: at("targetsByYear", year, "target"),
        message: "La cible d'un pourcentage doit être comprise entre 0 et 100.",
      });
    }
    if (target.metValues && req.answer.type !== "choice") {
      issues.push({
        path: at("targetsByYear", year, "metValues"),
        message: "« metValues » n'a de sens que pour une réponse à choix.",
      });
    } else if (target.metValues) {
      issues.push(...unknownChoices(req, target.metValues, at("targetsByYear", year, "metValues")));
    }
  }
  return issues;
}

function checkEligibility(ref: TReferentialFile): TIssue[] {
  const codes = new Set(ref.requirements.map((r) => r.code));
  const rule = ref.eligibility;
  const unknownCodes = (list: string[], fields: (string | number)[]): TIssue[] =>
    list.flatMap((code, i) =>
      codes.has(code)
        ? []
        : [
            {
              path: ["eligibility", ...fields, i],
              message: `La règle d'éligibilité cite l'exigence « ${code} », qui n'existe pas.`,
            },
          ],
    );
  switch (rule.kind) {
    case "all_blocking_met":
      return unknownCodes(rule.alsoRequire, ["alsoRequire"]);
    case "targets_of_year": {
      const option = ref.options.find((o) => o.key === rule.option);
      if (option?.type === "single_choice") return [];
      return [
        {
          path: ["eligibility", "option"],
          message: `La règle d'éligibilité lit l'option « ${rule.option} », qui doit exister et être à choix unique.`,
        },
      ];
    }
    case "per_usage_domain": {
      const option = ref.options.find((o) => o.key === rule.option);
      if (option?.type !== "multi_choice")
        return [
          {
            path: ["eligibility", "option"],
            message: `La règle d'éligibilité lit l'option « ${rule.option} », qui doit exister et être à choix multiple.`,
          },
        ];
      const usage = new Set(ref.domains.filter((d) => d.kind === "usage").map((d) => d.code));
      return option.choices
        .map((c, i) => ({ c, i }))
        .filter(({ c }) => !usage.has(c.value))
        .map(({ c, i }) => ({
          path: ["options", ref.options.indexOf(option), "choices", i, "value"],
          message: `« ${c.value} » n'est pas un domaine d'usage (kind: usage) : chaque choix doit nommer un domaine.`,
        }));
    }
    case "prerequisites_then_objectives": {
      const kinds = new Set(ref.domains.map((d) => d.kind));
      const issues = rule.coverage ? unknownCodes(rule.coverage.appliesTo, ["coverage", "appliesTo"]) : [];
      (rule.windows ?? []).forEach((w, i) => {
        issues.push(...unknownCodes(w.appliesTo, ["windows", i, "appliesTo"]));
        const dated = ref.requirements.find((r) => r.code === w.dateOf);
        if (dated?.answer.type !== "date")
          issues.push({
            path: ["eligibility", "windows", i, "dateOf"],
            message: `La période « ${w.label} » lit la date de l'exigence « ${w.dateOf} », qui doit exister et être de type date.`,
          });
      });
      if (!kinds.has("prerequisite") || !kinds.has("objective")) {
        issues.push({
          path: ["eligibility", "kind"],
          message: "Cette règle demande au moins un domaine « prerequisite » et un domaine « objective ».",
        });
      }
      return issues;
    }
  }
}
