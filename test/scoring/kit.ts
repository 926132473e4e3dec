// Helpers for the scoring tests: the shipped referential files, and answers built from them.
import fs from "node:fs";
import path from "node:path";
import { parseReferential } from "@/lib/referentials/parse";
import type { TReferentialFile, TRequirement } from "@/lib/referentials/schemas";
import { expectationOf } from "@/lib/scoring/targets";
import type { ScoreAnswer } from "@/lib/scoring/types";

export const SHIPPED = {
  hopenSocle: ["hopen-socle", "2019.2"],
  hopenUsage: ["hopen-usage", "2019.2"],
  hospiconnect: ["hospiconnect", "2026.1"],
  careD1: ["care-d1", "2024.0"],
  careD2: ["care-d2", "2025.1"],
} as const;

export function loadShippedSync([id, version]: readonly [string, string]): TReferentialFile {
  const file = path.join("data", "referentials", id, `${version}.yaml`);
  const result = parseReferential(fs.readFileSync(file, "utf8"), file);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.referential;
}

/** A value that meets the requirement (for the given target year, if any). */
export function metValue(requirement: TRequirement, year: string | null = null): unknown {
  const spec = requirement.answer;
  const { threshold, metValues } = expectationOf(requirement, year);
  switch (spec.type) {
    case "yes_no":
    case "yes_partial_no":
      return "yes";
    case "percentage":
    case "number": {
      if (!threshold) return 1;
      const { target, comparator } = threshold;
      const n = comparator === ">" ? target + 0.5 : comparator === "<" ? target - 0.5 : target;
      return spec.type === "percentage" && spec.computedFrom ? { percent: n, numerator: 1, denominator: 1 } : n;
    }
    case "choice":
      return metValues?.[0] ?? spec.options[0]!.value;
    case "date":
      return "2026-03-01";
    case "text":
      return "Documenté";
  }
}

/** Every requirement answered so that it is met; `overrides` replace some answers by code. */
export function allMet(
  referential: TReferentialFile,
  overrides: Record<string, ScoreAnswer | undefined> = {},
  year: string | null = null,
) {
  const answers = new Map<string, ScoreAnswer>();
  for (const r of referential.requirements) answers.set(r.code, { kind: "value", value: metValue(r, year) });
  for (const [code, answer] of Object.entries(overrides)) {
    if (answer) answers.set(code, answer);
    else answers.delete(code);
  }
  return answers;
}

export const value = (v: unknown): ScoreAnswer => ({ kind: "value", value: v });
export const unknown: ScoreAnswer = { kind: "unknown", value: null };
export const notApplicable: ScoreAnswer = { kind: "not_applicable", value: null };
