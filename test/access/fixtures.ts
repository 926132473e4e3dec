// The world the access matrix runs in: the demo seed (Bretagne with its GHTs, Pays de la Loire,
// one account per role) plus the assessment-side rows the seed does not create.
import type { PrismaClient } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { loadActor } from "@/lib/auth/actor";
import { demoFiness, seedDemo, seedPlaces } from "@/prisma/seed/seed";

/** The actors of the matrix, keyed by the label used in the tables; values are demo account emails. */
export const ACTOR_EMAILS = {
  "director GHBS": "directrice.ghbs@demo.socle.fr",
  "RSSI GHBS": "rssi.ghbs@demo.socle.fr",
  "coordinator UHC": "coordination.uhc@demo.socle.fr",
  "delegate Bretagne": "delegue.bretagne@demo.socle.fr",
  "ARS Bretagne": "ars.bretagne@demo.socle.fr",
  admin: "admin@demo.socle.fr",
  "delegate Pays de la Loire": "delegue.pdl@demo.socle.fr",
  "director Quimper": "directeur.quimper@demo.socle.fr",
} as const;
export type ActorKey = keyof typeof ACTOR_EMAILS;
export const ACTOR_KEYS = Object.keys(ACTOR_EMAILS) as ActorKey[];

/** Establishments of the matrix: label → demo FINESS (département, serial). */
export const ESTABLISHMENTS = {
  GHBS: ["56", "01"], // Lorient, support establishment of its territory's GHT (its only demo member)
  Quimper: ["29", "02"], // GHT UHC (its support establishment)
  Douarnenez: ["29", "03"], // GHT UHC, same GHT as Quimper
  "Saint-Brieuc": ["22", "01"], // GHT d'Armor: another GHT of Bretagne
  Nantes: ["44", "01"], // Pays de la Loire
} as const;
export type EstablishmentKey = keyof typeof ESTABLISHMENTS;

export const GHTS = {
  UHC: "GHT Union Hospitalière de Cornouaille",
  Armor: "GHT d'Armor",
} as const;
export type GhtKey = keyof typeof GHTS;

export const REGIONS = { Bretagne: "53", "Pays de la Loire": "52" } as const;
export type RegionKey = keyof typeof REGIONS;

/**
 * Assessments created for the matrix. Two campaigns (2025 and 2026) so that one establishment can
 * hold both a submitted and a draft assessment, and the GHT can hold a shared and an unshared one.
 */
export const ASSESSMENTS = {
  "GHBS 2026 draft, not shared": { establishment: "GHBS", campaign: 2026, status: "draft", shared: false },
  "GHBS 2025 submitted, not shared": { establishment: "GHBS", campaign: 2025, status: "submitted", shared: false },
  "Quimper 2026 draft, shared": { establishment: "Quimper", campaign: 2026, status: "draft", shared: true },
  "Quimper 2025 draft, not shared": { establishment: "Quimper", campaign: 2025, status: "draft", shared: false },
  "Nantes 2026 submitted, shared": { establishment: "Nantes", campaign: 2026, status: "submitted", shared: true },
  "Douarnenez 2025 submitted, shared": {
    establishment: "Douarnenez",
    campaign: 2025,
    status: "submitted",
    shared: true,
  },
} as const satisfies Record<
  string,
  { establishment: EstablishmentKey; campaign: 2025 | 2026; status: "draft" | "submitted"; shared: boolean }
>;
export type AssessmentKey = keyof typeof ASSESSMENTS;

/** One answer row on each of these assessments. */
export const ANSWERED: AssessmentKey[] = ["GHBS 2026 draft, not shared", "Quimper 2026 draft, shared"];
/** The GHBS section handed to the GHBS RSSI. */
export const ASSIGNMENT = { assessment: "GHBS 2026 draft, not shared", domainCode: "D2" } as const satisfies {
  assessment: AssessmentKey;
  domainCode: string;
};

export type World = {
  actors: Record<ActorKey, Actor>;
  userIds: Record<ActorKey, string>;
  establishments: Record<EstablishmentKey, string>;
  ghts: Record<GhtKey, string>;
  regions: Record<RegionKey, string>;
  assessments: Record<AssessmentKey, string>;
  answers: Partial<Record<AssessmentKey, string>>;
};

export async function buildWorld(db: PrismaClient): Promise<World> {
  await seedPlaces(db);
  await seedDemo(db);

  const establishments = {} as Record<EstablishmentKey, string>;
  for (const [key, [departement, serial]] of Object.entries(ESTABLISHMENTS) as [
    EstablishmentKey,
    readonly [string, string],
  ][]) {
    establishments[key] = (
      await db.establishment.findUniqueOrThrow({ where: { finess: demoFiness(departement, serial) } })
    ).id;
  }
  const ghts = {} as Record<GhtKey, string>;
  for (const [key, name] of Object.entries(GHTS) as [GhtKey, string][]) {
    ghts[key] = (await db.ght.findUniqueOrThrow({ where: { name } })).id;
  }
  const regions = {} as Record<RegionKey, string>;
  for (const [key, code] of Object.entries(REGIONS) as [RegionKey, string][]) {
    regions[key] = (await db.region.findUniqueOrThrow({ where: { code } })).id;
  }
  const userIds = {} as Record<ActorKey, string>;
  const actors = {} as Record<ActorKey, Actor>;
  for (const key of ACTOR_KEYS) {
    const user = await db.user.findUniqueOrThrow({ where: { email: ACTOR_EMAILS[key] } });
    userIds[key] = user.id;
    const actor = await loadActor(db, user.id);
    if (!actor) throw new Error(`demo account ${ACTOR_EMAILS[key]} did not load`);
    actors[key] = actor;
  }

  const referential = await db.referential.create({
    data: { id: "access-test", title: "Référentiel de test", programme: "HOPEN" },
  });
  const version = await db.referentialVersion.create({
    data: {
      referentialId: referential.id,
      version: "1.0",
      title: "Test 1.0",
      content: {},
      contentHash: "0".repeat(64),
    },
  });
  const campaignEstablishments = [establishments.GHBS, establishments.Quimper, establishments.Nantes];
  const campaigns = {} as Record<2025 | 2026, string>;
  for (const year of [2025, 2026] as const) {
    const campaign = await db.campaign.create({
      data: {
        name: `HOP'EN ${year}`,
        year,
        referentialVersionId: version.id,
        opensOn: new Date(`${year}-01-15T00:00:00Z`),
        closesOn: new Date(`${year}-06-30T00:00:00Z`),
        establishments: { create: campaignEstablishments.map((establishmentId) => ({ establishmentId })) },
      },
    });
    campaigns[year] = campaign.id;
  }

  const assessments = {} as Record<AssessmentKey, string>;
  for (const [key, a] of Object.entries(ASSESSMENTS) as [AssessmentKey, (typeof ASSESSMENTS)[AssessmentKey]][]) {
    const submitted = a.status === "submitted";
    const row = await db.assessment.create({
      data: {
        establishmentId: establishments[a.establishment],
        campaignId: campaigns[a.campaign],
        status: a.status,
        sharing: a.shared ? "detail" : "participation",
        submittedAt: submitted ? new Date(`${a.campaign}-06-01T00:00:00Z`) : null,
      },
    });
    assessments[key] = row.id;
  }

  const answers: Partial<Record<AssessmentKey, string>> = {};
  for (const key of ANSWERED) {
    const row = await db.answer.create({
      data: { assessmentId: assessments[key], requirementCode: "D2.1", kind: "value", value: true },
    });
    answers[key] = row.id;
  }

  await db.sectionAssignment.create({
    data: {
      assessmentId: assessments[ASSIGNMENT.assessment],
      domainCode: ASSIGNMENT.domainCode,
      userId: userIds["RSSI GHBS"],
      assignedById: userIds["director GHBS"],
    },
  });

  return { actors, userIds, establishments, ghts, regions, assessments, answers };
}
