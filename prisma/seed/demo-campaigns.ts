import type { PrismaClient } from "@/generated/prisma/client";
import type { Hosting } from "@/generated/prisma/enums";
import { computeReadings, scopeOf, toComputedPercentage } from "@/lib/inventory/indicators";
import type { TReferentialFile } from "@/lib/referentials/schemas";
import { referentialOf } from "@/lib/referentials/referential-of";

// Demo campaigns and assessments, so that each role's screens mean something on first start. The
// campaigns are dated when each programme ran: HOP'EN in 2020 and 2021 (files closed at the end of
// 2021), CaRE domain 2 in 2025 (applications Sept–Oct 2025), HospiConnect in 2026. GHBS submitted
// HOP'EN in 2020 (history, carry-forward) and is answering 2021 with two prerequisites not met (P2.1
// tested recovery plan, P2.6 exposure audit); Quimper shares its draft with the region. Written
// directly (not through the commands): the seed is the platform itself. Software vendors are invented
// ("éditeur fictif"): no real vendor is shown failing a requirement at a named hospital.
// Both HOP'EN socle campaigns pin hopen-socle 2019.4 (one version: the regional movement between them
// is not a break in series), whose QHN condition is computed from the inventory: GHBS's payroll
// vendor is not committed, which only the broad reading counts. GHBS also drafts its
// 2021 HOP'EN usage application (domains D2 and D3), gated by its 2021 socle draft, with example
// funding assumptions per domain (prisma/seed/demo-funding.ts).

const BRETAGNE_AND_PDL = ["22", "29", "35", "56", "44", "72"];

async function version(db: PrismaClient, referentialId: string, v: string) {
  return db.referentialVersion.findUniqueOrThrow({ where: { referentialId_version: { referentialId, version: v } } });
}

type Application = Parameters<typeof computeReadings>[0][number];

/** A met answer (or "no" when unmet); an inventory indicator reads the applications under the file's own scope. */
function answerFor(referential: TReferentialFile, code: string, unmet: Set<string>, applications: Application[]) {
  const requirement = referential.requirements.find((r) => r.code === code)!;
  if (unmet.has(code)) return { kind: "value" as const, value: "no" };
  const spec = requirement.answer;
  if (spec.type === "percentage") {
    if (!spec.computedFrom) return { kind: "value" as const, value: 100 };
    const { strict, broad } = computeReadings(applications, spec.computedFrom, scopeOf(spec)!);
    return { kind: "value" as const, value: toComputedPercentage(strict, broad) ?? 100 };
  }
  return { kind: "value" as const, value: "yes" };
}

/** What an application does: identities, movements, personal authentication, health data. */
type Trait = "identity" | "movements" | "auth" | "health";

function application(
  name: string,
  vendor: string,
  domains: string[],
  hosting: Hosting,
  traits: Trait[],
  qhnCommitted = true,
) {
  return { name, vendor: `${vendor} (éditeur fictif)`, domains, hosting, traits, qhnCommitted };
}

const ALL: Trait[] = ["identity", "movements", "auth", "health"];
// GHBS's application inventory: it computes P1.3, P1.4 and P3.2 (the numerator counts applications).
const GHBS_APPLICATIONS = [
  application("Dossier patient informatisé", "Kerlogis Santé", ["care"], "on_site", ALL),
  application("Gestion administrative du patient", "Abers Informatique", ["patient_admin"], "on_site", ALL),
  application("Codage PMSI", "Glénan Data", ["pmsi"], "saas", ALL),
  application("Dossier de soins infirmiers", "Kerlogis Santé", ["care"], "on_site", ALL),
  application("Logiciel des urgences", "Iroise Systèmes", ["care", "patient_admin"], "on_site", [
    "identity",
    "movements",
    "health",
  ]),
  application("Bloc opératoire", "Odet Logiciels", ["care", "scheduling"], "outsourced", ALL),
  application("PACS imagerie", "Penmarc'h Imagerie", ["imaging"], "on_site", ["auth", "health"]),
  // Not committed to QHN: outside the strict reading of "software concerned" (no health data).
  application("Paie et RH", "Goëlo Gestion", ["hr"], "saas", ["auth"], false),
  application("Gestion économique et financière", "Goëlo Gestion", ["finance"], "on_site", ["auth"]),
];

async function seedGhbsInventory(db: PrismaClient, establishmentId: string) {
  await db.application.createMany({
    data: GHBS_APPLICATIONS.map((a) => ({
      establishmentId,
      name: a.name,
      vendor: a.vendor,
      domains: a.domains,
      hosting: a.hosting,
      qhnCommitted: a.qhnCommitted,
      holdsHealthData: a.traits.includes("health"),
      identityRepoConnected: a.traits.includes("identity"),
      movementRepoConnected: a.traits.includes("movements"),
      personalAuth: a.traits.includes("auth"),
    })),
    skipDuplicates: true,
  });
}

export async function seedDemoCampaigns(db: PrismaClient): Promise<void> {
  if (await db.campaign.count({ where: { name: { startsWith: "HOP'EN — prérequis" } } })) {
    await seedDemoUsage(db); // a demo seeded before the usage campaign existed gets it
    return;
  }
  const hopen = await version(db, "hopen-socle", "2019.4");
  const content = referentialOf(hopen);
  const establishments = await db.establishment.findMany({
    where: { departementCode: { in: BRETAGNE_AND_PDL } },
    select: { id: true, name: true },
  });
  const byName = (prefix: string) => establishments.find((e) => e.name.startsWith(prefix))!.id;
  const director = await db.user.findUniqueOrThrow({ where: { email: "directrice.ghbs@demo.socle.fr" } });
  const quimperDirector = await db.user.findUniqueOrThrow({ where: { email: "directeur.quimper@demo.socle.fr" } });

  const all = establishments.map((e) => e.id);
  const c2020 = await campaign(db, "HOP'EN — prérequis 2020", 2020, hopen.id, [
    byName("Groupe hospitalier Bretagne Sud"),
  ]);
  const c2021 = await campaign(db, "HOP'EN — prérequis 2021", 2021, hopen.id, all);
  const care = await version(db, "care-d2", "2025.3");
  await campaign(db, "CaRE domaine 2 — sauvegardes et continuité 2025", 2025, care.id, all);
  const hospiconnect = await version(db, "hospiconnect", "2026.2");
  await campaign(db, "HospiConnect — 2026", 2026, hospiconnect.id, all);

  const ghbs = byName("Groupe hospitalier Bretagne Sud");
  await seedGhbsInventory(db, ghbs);
  // Each indicator reads the applications under its file's own scope: both readings while that
  // scope is uncertain (GHBS's PACS is in P1.3's broad reading only, its payroll in QHN's).
  const applications = await db.application.findMany({ where: { establishmentId: ghbs } });
  const answers = (
    referential: TReferentialFile,
    unmet: string[],
    skip: string[] = [],
    by = director.id,
    apps: Application[] = applications,
  ) =>
    referential.requirements
      .map((r) => r.code)
      .filter((c) => !skip.includes(c))
      .map((c) => ({ requirementCode: c, ...answerFor(referential, c, new Set(unmet), apps), answeredById: by }));

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
      answers: { create: answers(content, ["P2.1", "P2.6", "P3.3"]) },
    },
  });
  await db.assessment.create({
    data: { establishmentId: ghbs, campaignId: c2021.id, answers: { create: answers(content, ["P2.1", "P2.6"]) } },
  });
  // Quimper has no inventory: its computed indicators (and QHN) stay unanswered.
  await db.assessment.create({
    data: {
      establishmentId: byName("CH de Cornouaille"),
      campaignId: c2021.id,
      sharing: "detail",
      answers: {
        create: answers(content, ["P2.4"], ["QHN", "P1.3", "P1.4", "P3.2", "P4.1", "P4.2"], quimperDirector.id, []),
      },
    },
  });
  // The example funding assumption for Bretagne (prisma/seed/demo-funding.ts).
  await (await import("./demo-funding")).seedDemoFunding(db);
  await seedDemoUsage(db);
}

export const DEMO_USAGE_CAMPAIGN = "HOP'EN — usage 2021";

async function campaign(db: PrismaClient, name: string, year: number, versionId: string, ids: string[]) {
  return db.campaign.create({
    data: {
      name,
      year,
      referentialVersionId: versionId,
      opensOn: new Date(`${year}-01-15`),
      closesOn: new Date(`${year}-12-15`),
      establishments: { create: ids.map((establishmentId) => ({ establishmentId })) },
    },
  });
}

/**
 * GHBS's HOP'EN usage application for 2021 (files closed at the end of 2021), a draft on domains D2
 * and D3: D2.2 just under its sourced 98 %, D2.5 and D3.1 met. Every domain waits on GHBS's 2021
 * socle draft (P2.1 and P2.6 missing), and each shows its own example funding figure. Idempotent.
 */
async function seedDemoUsage(db: PrismaClient): Promise<void> {
  if (await db.campaign.count({ where: { name: DEMO_USAGE_CAMPAIGN } })) return;
  const ghbs = await db.establishment.findFirst({ where: { name: { startsWith: "Groupe hospitalier Bretagne Sud" } } });
  const director = await db.user.findUnique({ where: { email: "directrice.ghbs@demo.socle.fr" } });
  if (!ghbs || !director) return;
  const usage = await version(db, "hopen-usage", "2019.3");
  const c = await campaign(db, DEMO_USAGE_CAMPAIGN, 2021, usage.id, [ghbs.id]);
  const values: Record<string, number> = { "D2.2": 97, "D2.5": 84, "D3.1": 86 };
  await db.assessment.create({
    data: {
      establishmentId: ghbs.id,
      campaignId: c.id,
      options: { domains: ["D2", "D3"] },
      answers: {
        create: Object.entries(values).map(([requirementCode, value]) => ({
          requirementCode,
          kind: "value" as const,
          value,
          answeredById: director.id,
        })),
      },
    },
  });
  await (await import("./demo-funding")).seedDemoUsageFunding(db, c.id);
}
