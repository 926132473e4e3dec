// Opens more draft assessments in the bench's data folder (before its server starts), so that 50
// concurrent editors each have an answer of their own: 14 + 14 + 14 + 13 answers.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { createPrismaClient } from "@/lib/core/db-adapter";
import { env } from "@/lib/core/env";
import { referentialOf } from "@/lib/referentials/referential-of";

async function main() {
  const pglite = env.postgresUrl ? null : new PGlite(env.pgliteDir);
  const db = createPrismaClient(env.postgresUrl, pglite ?? "");
  const campaign = (name: string) => db.campaign.findFirstOrThrow({ where: { name: { startsWith: name } } });
  const establishment = (name: string) => db.establishment.findFirstOrThrow({ where: { name: { startsWith: name } } });
  const hopen = await campaign("HOP'EN — prérequis 2021");
  const care = await campaign("CaRE domaine 2");
  const ghbs = await establishment("Groupe hospitalier Bretagne Sud");
  const nantes = await establishment("CHU de Nantes");
  await db.assessment.createMany({
    data: [
      { establishmentId: nantes.id, campaignId: hopen.id },
      { establishmentId: ghbs.id, campaignId: care.id },
    ],
    skipDuplicates: true,
  });
  // Who edits what: each director's draft assessments and their yes/no questions.
  const drafts = await db.assessment.findMany({
    where: { status: "draft", campaignId: { in: [hopen.id, care.id] } },
    select: {
      id: true,
      establishmentId: true,
      establishment: {
        select: {
          memberships: {
            where: { role: "director", user: { passwordHash: { not: null } } },
            select: { user: { select: { email: true } } },
          },
        },
      },
      campaign: { select: { referentialVersion: { select: { content: true } } } },
    },
  });
  const plan = drafts.flatMap((a) => {
    const email = a.establishment.memberships[0]?.user.email;
    const content = referentialOf(a.campaign.referentialVersion);
    const codes = content.requirements
      .filter((r) => r.answer.type === "yes_no" || r.answer.type === "yes_partial_no")
      .map((r) => r.code);
    return email ? [{ email, establishmentId: a.establishmentId, assessmentId: a.id, codes }] : [];
  });
  mkdirSync(env.dataDir, { recursive: true });
  writeFileSync(path.join(env.dataDir, "editors.json"), JSON.stringify(plan, null, 2));
  await db.$disconnect();
  await pglite?.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
