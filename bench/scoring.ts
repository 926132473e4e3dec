// Scoring throughput: the pure function alone, on a synthetic 60-requirement referential built in
// memory (all answer types, prerequisites then objectives, a GHT coverage rule), 3,000 answer sets.
import { ZReferentialFile, type TReferentialFileInput } from "@/lib/referentials/schemas";
import { scoreAssessment, type ScoreAnswer, type ScoreInput } from "@/lib/scoring";

const ASSESSMENTS = 3_000;
const REQUIREMENTS = 60;

type Spec = TReferentialFileInput["requirements"][number]["answer"];
const SPECS: Spec[] = [
  { type: "yes_no" },
  { type: "yes_partial_no" },
  { type: "percentage", target: 80, comparator: ">=" },
  { type: "number", target: 2, comparator: ">=" },
  {
    type: "choice",
    options: [
      { value: "a", label: "A" },
      { value: "b", label: "B" },
    ],
    metValues: ["b"],
  },
  { type: "text" },
];

function syntheticReferential() {
  const domains = Array.from({ length: 6 }, (_, d) => ({
    code: `D${d}`,
    title: `Domaine ${d}`,
    description: "Synthétique.",
    kind: d === 0 ? ("prerequisite" as const) : ("objective" as const),
  }));
  const requirements = Array.from({ length: REQUIREMENTS }, (_, i) => ({
    code: `R${i}`,
    domain: `D${i % 6}`,
    label: `Exigence ${i}`,
    help: "Aide.",
    answer: SPECS[i % SPECS.length]!,
    blocking: i % 4 !== 0,
    naAllowed: i % 5 === 0,
    proofs: ["Preuve"],
    weight: 1 + (i % 3),
    effort: (["low", "medium", "high"] as const)[i % 3],
    recommendedAction: "Agir.",
    confidence: "M" as const,
  }));
  return ZReferentialFile.parse({
    id: "bench",
    version: "1",
    title: "Bench",
    programme: "CARE",
    publisher: "Bench",
    sources: [{ title: "Bench" }],
    publishedOn: "2026-01-01",
    eligibility: {
      kind: "prerequisites_then_objectives",
      coverage: { minShare: 0.66, appliesTo: ["R1", "R7"], basis: "activity" },
    },
    domains,
    requirements,
  });
}

/** Deterministic answers: mostly values (met or not), some unknown, N/A and to-confirm. */
function answerSet(seed: number): Map<string, ScoreAnswer> {
  let state = seed * 7919 + 1;
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const values: Record<Spec["type"], () => unknown> = {
    yes_no: () => (next() < 0.8 ? "yes" : "no"),
    yes_partial_no: () => (next() < 0.6 ? "yes" : "partial"),
    percentage: () => Math.round(next() * 100),
    number: () => Math.round(next() * 4),
    choice: () => (next() < 0.7 ? "b" : "a"),
    text: () => "Documenté",
    date: () => "2026-01-01",
  };
  const answers = new Map<string, ScoreAnswer>();
  for (let i = 0; i < REQUIREMENTS; i++) {
    const roll = next();
    const kind = roll < 0.05 ? "unknown" : roll < 0.1 ? "not_applicable" : "value";
    answers.set(`R${i}`, {
      kind,
      value: kind === "value" ? values[SPECS[i % SPECS.length]!.type]() : null,
      needsConfirmation: roll > 0.97,
    });
  }
  return answers;
}

export async function benchScoring(): Promise<string> {
  const referential = syntheticReferential();
  const coverage = {
    members: [
      { id: "a", name: "A", kind: "entity" as const, activity: 50, reaches: ["R1", "R7"] },
      { id: "b", name: "B", kind: "entity" as const, activity: 30, reaches: ["R1", "R7"] },
      { id: "c", name: "C", kind: "entity" as const, activity: 20, reaches: [] },
    ],
  };
  const inputs: ScoreInput[] = Array.from({ length: ASSESSMENTS }, (_, i) => ({
    referential,
    answers: answerSet(i),
    options: {},
    coverage,
  }));
  for (const input of inputs.slice(0, 300)) scoreAssessment(input); // warm-up
  let eligible = 0;
  const started = performance.now();
  for (const input of inputs) if (scoreAssessment(input).verdict.eligible) eligible++;
  const ms = performance.now() - started;
  if (eligible < 0) throw new Error("unreachable"); // keeps the results observed
  return `scoring, pure function: ${ASSESSMENTS} assessments × ${REQUIREMENTS} answers in ${ms.toFixed(0)} ms (${((ms * 1000) / ASSESSMENTS).toFixed(1)} µs each)`;
}
