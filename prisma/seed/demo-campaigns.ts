import type { PrismaClient } from "@/generated/prisma/client";
import { DEFAULT_SCOPES, INDICATOR_KINDS, computeReadings, toComputedPercentage } from "@/lib/inventory/indicators";
import type { TReferentialFile } from "@/lib/referentials/schemas";
import { referentialOf } from "@/lib/referentials/referential-of";

// Demo campaigns and assessments, so that each role's screens mean something on first start. The
// campaigns are dated when each programme ran: HOP'EN in 2020 and 2021 (files closed at the end of
// 2021), CaRE domain 2 in 2025 (applications Sept–Oct 2025), HospiConnect in 2026. GHBS submitted
// HOP'EN in 2020 (history, carry-forward) and is answering 2021 with two prerequisites not met (P2.1
// tested recovery plan, P2.6 exposure audit); Quimper shares its draft with the region. Written
// directly (not through the commands): the seed is the platform itself. Software vendors are invented
// ("éditeur fictif"): no real vendor is shown failing a requirement at a named hospital.

const BRETAGNE_AND_PDL = ["22", "29", "35", "56", "44", "72"];

async function version(db: PrismaClient, referentialId: string, v: string) {
  return db.referentialVersion.findUniqueOrThrow({ where: { referentialId_version: { referentialId, version: v } } });
}

type Computed = Record<string, ReturnType<typeof toComputedPercentage>>;

function answerFor(referential: TReferentialFile, code: string, unmet: Set<string>, computed: Computed = {}) {
  const requirement = referential.requirements.find((r) => r.code === code)!;
  if (unmet.has(code)) return { kind: "value" as const, value: "no" };
  if (requirement.answer.type === "percentage") {
    const fromInventory = requirement.answer.computedFrom ? computed[requirement.answer.computedFrom] : null;
    return { kind: "value" as const, value: fromInventory ?? 100 };
  }
  return { kind: "value" as const, value: "yes" };
}

// GHBS's application inventory: it computes P1.3, P1.4 and P3.2 (the numerator counts applications).
const GHBS_APPLICATIONS = [
  {
    name: "Dossier patient informatisé",
    vendor: "Kerlogis Santé (éditeur fictif)",
    domains: ["care"],
    hosting: "on_site",
    id: true,
    mv: true,
    auth: true,
    health: true,
  },
  {
    name: "Gestion administrative du patient",
    vendor: "Abers Informatique (éditeur fictif)",
    domains: ["patient_admin"],
    hosting: "on_site",
    id: true,
    mv: true,
    auth: true,
    health: true,
  },
  {
    name: "Codage PMSI",
    vendor: "Glénan Data (éditeur fictif)",
    domains: ["pmsi"],
    hosting: "saas",
    id: true,
    mv: true,
    auth: true,
    health: true,
  },
  {
    name: "Dossier de soins infirmiers",
    vendor: "Kerlogis Santé (éditeur fictif)",
    domains: ["care"],
    hosting: "on_site",
    id: true,
    mv: true,
    auth: true,
    health: true,
  },
  {
    name: "Logiciel des urgences",
    vendor: "Iroise Systèmes (éditeur fictif)",
    domains: ["care", "patient_admin"],
    hosting: "on_site",
    id: true,
    mv: true,
    auth: false,
    health: true,
  },
  {
    name: "Bloc opératoire",
    vendor: "Odet Logiciels (éditeur fictif)",
    domains: ["care", "scheduling"],
    hosting: "outsourced",
    id: true,
    mv: true,
    auth: true,
    health: true,
  },
  {
    name: "PACS imagerie",
    vendor: "Penmarc'h Imagerie (éditeur fictif)",
    domains: ["imaging"],
    hosting: "on_site",
    id: false,
    mv: false,
    auth: true,
    health: true,
  },
  {
    name: "Paie et RH",
    vendor: "Goëlo Gestion (éditeur fictif)",
    domains: ["hr"],
    hosting: "saas",
    id: false,
    mv: false,
    auth: true,
    health: false,
  },
  {
    name: "Gestion économique et financière",
    vendor: "Goëlo Gestion (éditeur fictif)",
    domains: ["finance"],
    hosting: "on_site",
    id: false,
    mv: false,
    auth: true,
    health: false,
  },
] as const;

async function seedGhbsInventory(db: PrismaClient, establishmentId: string) {
  await db.application.createMany({
    data: GHBS_APPLICATIONS.map((a) => ({
      establishmentId,
      name: a.name,
      vendor: a.vendor,
      domains: [...a.domains],
      hosting: a.hosting,
      qhnCommitted: true,
      holdsHealthData: a.health,
      identityRepoConnected: a.id,
      movementRepoConnected: a.mv,
      personalAuth: a.auth,
    })),
    skipDuplicates: true,
  });
}

export async function seedDemoCampaigns(db: PrismaClient): Promise<void> {
  if (await db.campaign.count({ where: { name: { startsWith: "HOP'EN — prérequis" } } })) return;
  const hopen = await version(db, "hopen-socle", "2019.3");
  const content = referentialOf(hopen);
  const establishments = await db.establishment.findMany({
    where: { departementCode: { in: BRETAGNE_AND_PDL } },
    select: { id: true, name: true },
  });
  const byName = (prefix: string) => establishments.find((e) => e.name.startsWith(prefix))!.id;
  const director = await db.user.findUniqueOrThrow({ where: { email: "directrice.ghbs@demo.socle.fr" } });
  const quimperDirector = await db.user.findUniqueOrThrow({ where: { email: "directeur.quimper@demo.socle.fr" } });

  const campaign = (name: string, year: number, versionId: string, ids: string[]) =>
    db.campaign.create({
      data: {
        name,
        year,
        referentialVersionId: versionId,
        opensOn: new Date(`${year}-01-15`),
        closesOn: new Date(`${year}-12-15`),
        establishments: { create: ids.map((establishmentId) => ({ establishmentId })) },
      },
    });
  const all = establishments.map((e) => e.id);
  const c2020 = await campaign("HOP'EN — prérequis 2020", 2020, hopen.id, [byName("Groupe hospitalier Bretagne Sud")]);
  const c2021 = await campaign("HOP'EN — prérequis 2021", 2021, hopen.id, all);
  const care = await version(db, "care-d2", "2025.2");
  await campaign("CaRE domaine 2 — sauvegardes et continuité 2025", 2025, care.id, all);
  const hospiconnect = await version(db, "hospiconnect", "2026.2");
  await campaign("HospiConnect — 2026", 2026, hospiconnect.id, all);

  const codes = content.requirements.map((r) => r.code);
  const ghbs = byName("Groupe hospitalier Bretagne Sud");
  await seedGhbsInventory(db, ghbs);
  // The shipped 2019.2 file names no scope: its indicators read the documented default, both readings
  // while that scope is uncertain (GHBS's PACS is in the broad reading only).
  const applications = await db.application.findMany({ where: { establishmentId: ghbs } });
  const computed: Computed = Object.fromEntries(
    INDICATOR_KINDS.map((kind) => {
      const { strict, broad } = computeReadings(applications, kind, DEFAULT_SCOPES[kind]);
      return [kind, toComputedPercentage(strict, broad)];
    }),
  );
  const answers = (unmet: string[], skip: string[] = [], by = director.id, values: Computed = computed) =>
    codes
      .filter((c) => !skip.includes(c))
      .map((c) => ({ requirementCode: c, ...answerFor(content, c, new Set(unmet), values), answeredById: by }));

  await db.assessment.create({
    data: {
      establishmentId: ghbs,
      campaignId: c2020.id,
      status: "submitted",
      submittedAt: new Date("2020-11-30T10:00:00Z"),
      submittedById: director.id,
      attestation: {
        name: "Claire Exemple",
        title: "Directrice générale",
        date: "2020-11-30",
        statement: "Attestation de démonstration.",
      },
      answers: { create: answers(["P2.1", "P2.6", "P3.3"]) },
    },
  });
  await db.assessment.create({
    data: { establishmentId: ghbs, campaignId: c2021.id, answers: { create: answers(["P2.1", "P2.6"]) } },
  });
  await db.assessment.create({
    data: {
      establishmentId: byName("CH de Cornouaille"),
      campaignId: c2021.id,
      sharing: "detail",
      answers: { create: answers(["P2.4"], ["P1.3", "P1.4", "P3.2", "P4.1", "P4.2"], quimperDirector.id, {}) },
    },
  });
  // The example funding assumption for Bretagne (prisma/seed/demo-funding.ts).
  await (await import("./demo-funding")).seedDemoFunding(db);
}
