// In-memory referentials for the scoring tests: a few fields per requirement, the rest defaulted,
// then validated by the real schema so that a test never scores a file the loader would refuse.
import { ZReferentialFile, type TReferentialFileInput } from "@/lib/referentials/schemas";

type RequirementInput = TReferentialFileInput["requirements"][number];
type DomainInput = TReferentialFileInput["domains"][number];

export type SyntheticRequirement = Partial<RequirementInput> & Pick<RequirementInput, "code">;

export function requirement(r: SyntheticRequirement): RequirementInput {
  return {
    domain: "A",
    label: `Exigence ${r.code}`,
    help: "Aide.",
    answer: { type: "yes_no" },
    blocking: true,
    proofs: ["Preuve"],
    recommendedAction: "Agir.",
    confidence: "H",
    ...r,
  };
}

export function domain(code: string, kind?: DomainInput["kind"]): DomainInput {
  return { code, title: `Domaine ${code}`, description: "Description.", ...(kind ? { kind } : {}) };
}

export function syntheticReferential(
  requirements: SyntheticRequirement[],
  extra: Partial<Pick<TReferentialFileInput, "domains" | "eligibility" | "options">> = {},
) {
  const codes = [...new Set(requirements.map((r) => r.domain ?? "A"))];
  return ZReferentialFile.parse({
    id: "synthetic",
    version: "1",
    title: "Référentiel de test",
    programme: "HOPEN",
    publisher: "Tests",
    sources: [{ title: "Tests" }],
    publishedOn: "2026-01-01",
    eligibility: { kind: "all_blocking_met" },
    domains: codes.map((c) => domain(c)),
    ...extra,
    requirements: requirements.map(requirement),
  });
}
