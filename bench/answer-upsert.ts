// Raw answer-row upsert throughput: the baseline every later figure is compared with.
import type { PrismaClient } from "@/generated/prisma/client";
import { measure } from "./stats";

/** Creates the minimum an Answer row hangs on; returns the assessment id. */
export async function createBenchAssessment(db: PrismaClient, tag: string): Promise<string> {
  const departement = await db.departement.findFirstOrThrow({ where: { code: "56" } });
  const establishment = await db.establishment.create({
    data: {
      finess: `56${tag.padStart(7, "0")}`.slice(0, 9),
      name: `Bench ${tag}`,
      category: "CH",
      departementCode: "56",
      regionId: departement.regionId,
    },
  });
  const referential = await db.referential.upsert({
    where: { id: "bench" },
    create: { id: "bench", title: "Bench", programme: "HOPEN" },
    update: {},
  });
  const version = await db.referentialVersion.create({
    data: { referentialId: referential.id, version: tag, title: "Bench", content: {}, contentHash: tag },
  });
  const campaign = await db.campaign.create({
    data: {
      name: `Bench ${tag}`,
      year: 2026,
      referentialVersionId: version.id,
      opensOn: new Date(),
      closesOn: new Date(),
    },
  });
  const assessment = await db.assessment.create({
    data: { establishmentId: establishment.id, campaignId: campaign.id },
  });
  return assessment.id;
}

export async function benchRawUpserts(
  db: PrismaClient,
  assessmentId: string,
  total: number,
  keys: number,
  concurrency: number,
) {
  return measure(total, concurrency, (i) =>
    db.answer.upsert({
      where: { assessmentId_requirementCode: { assessmentId, requirementCode: `R${i % keys}` } },
      create: { assessmentId, requirementCode: `R${i % keys}`, value: { v: i } },
      update: { value: { v: i }, version: { increment: 1 } },
    }),
  );
}
