// The autosave's two ways to write, in process on one database, without HTTP: the PL/pgSQL
// function called straight through the driver (saveAnswer's usual path, lib/assessments/
// answer-write.ts) against the step-by-step path through Prisma (saveAnswerExplained: one read,
// the checks in memory, the CTE write through $queryRawUnsafe). The function and the direct call
// stay only while they keep their gain on PostgreSQL. Run by bench/index.ts in a process of its
// own with the react-server condition (the save imports "server-only"); TEST_DATABASE_URL picks
// PostgreSQL, else PGlite in memory. BENCH_ROUNDS: fewer saves for a smoke run.
import { saveAnswer, saveAnswerExplained } from "@/lib/assessments/save-answer";
import { syncShippedReferentials } from "@/lib/referentials/store";
import { seedDemoCampaigns } from "@/prisma/seed/demo-campaigns";
import { seedDemo, seedPlaces } from "@/prisma/seed/seed";
import { createTestDb } from "@/test/db";
import { measure, report } from "./stats";
import { referentialOf } from "@/lib/referentials/referential-of";

const SAVES = Number(process.env.BENCH_ROUNDS) || 2_000;

async function main() {
  const { db, kind, close } = await createTestDb();
  const label = kind === "postgres" ? "PostgreSQL" : "PGlite in memory";
  try {
    await seedPlaces(db);
    await syncShippedReferentials(db);
    await seedDemo(db);
    await seedDemoCampaigns(db);
    const director = await db.membership.findFirstOrThrow({
      // The director answers every section.
      where: { role: "director", establishment: { assessments: { some: { status: "draft" } } } },
      select: { userId: true, establishmentId: true },
    });
    const assessment = await db.assessment.findFirstOrThrow({
      where: { establishmentId: director.establishmentId!, status: "draft" },
      select: { id: true, campaign: { select: { referentialVersion: { select: { content: true } } } } },
    });
    const content = referentialOf(assessment.campaign.referentialVersion);
    const codes = content.requirements.filter((r) => r.answer.type === "yes_no").map((r) => r.code);
    // The demo has answered some already: start from the stored versions, as a browser tab would.
    const stored = await db.answer.findMany({
      where: { assessmentId: assessment.id },
      select: { requirementCode: true, version: true },
    });
    const versions = new Map(stored.map((a) => [a.requirementCode, a.version]));
    const user = { id: director.userId };
    const run = (save: typeof saveAnswer) => (i: number) => {
      const code = codes[i % codes.length]!;
      return save(
        db,
        user,
        assessment.id,
        { requirementCode: code, kind: "value", value: i % 2 ? "yes" : "no", expectedVersion: versions.get(code) ?? 0 },
        `bench-${i}`,
      ).then((stored) => versions.set(code, stored.version));
    };
    const paths = [
      ["PL/pgSQL function, direct driver call", saveAnswer],
      ["step by step through Prisma", saveAnswerExplained],
    ] as const;
    const perSecond: number[] = [];
    for (const [name, save] of paths) {
      await measure(Math.min(300, SAVES), 1, run(save)); // warm-up
      const result = await measure(SAVES, 1, run(save));
      report(`autosave write path, ${label}, ${name}`, `${SAVES} sequential saves in process, no HTTP`, result);
      perSecond.push(result.perSecond);
    }
    console.log(
      `autosave write path, ${label}: the function path does ${(perSecond[0]! / perSecond[1]!).toFixed(2)}× the saves/s of the Prisma path [keep it only where it gains]`,
    );
  } finally {
    await close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
