// The access matrix (docs/roles.md), checked on a real database through the real scoped
// getters and scope clauses: every actor × resource × permission, allowed AND refused. A refusal
// is always "404" (NOT_FOUND): ids of other tenants must not leak.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadActor } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/permissions";
import { assessmentScope, can, reachesAssessmentSql } from "@/lib/auth/scope";
import { listMyAssignments } from "@/lib/assessments/queries";
import { AppError } from "@/lib/core/errors";
import { getEstablishmentOrThrow, listEstablishments } from "@/lib/establishments/queries";
import { getGhtOrThrow, listGhts } from "@/lib/ght/queries";
import { getRegionOrThrow, listRegions } from "@/lib/region/queries";
import { demoFiness } from "@/prisma/seed/seed";
import { REGIONS as ALL_REGIONS } from "@/prisma/seed/places";
import { createTestDb, type TestDb } from "@/test/db";
import {
  ACTOR_KEYS,
  ANSWERED,
  ASSESSMENTS,
  ASSIGNMENT,
  type ActorKey,
  type AssessmentKey,
  buildWorld,
  type EstablishmentKey,
  ESTABLISHMENTS,
  type GhtKey,
  GHTS,
  type RegionKey,
  REGIONS,
  type World,
} from "./fixtures";
import { matrix, type MatrixRow, type Outcome } from "./matrix";

let testDb: TestDb;
let world: World;

beforeAll(async () => {
  testDb = await createTestDb();
  world = await buildWorld(testDb.db);
});

afterAll(async () => {
  await testDb?.close();
});

const keys = <T extends object>(o: T) => Object.keys(o) as (keyof T & string)[];

// ─── Establishments ─────────────────────────────────────────────────────────
// GHBS: the directors' and RSSI's own (its territory's GHT, alone in it). Quimper and Douarnenez: GHT UHC. Saint-Brieuc:
// GHT d'Armor, another GHT of Bretagne. Nantes: Pays de la Loire, the other region.

const ESTABLISHMENT_MATRIX = matrix<EstablishmentKey>(["establishment.read", "platform.manage"], keys(ESTABLISHMENTS), [
  // actor                       establishment     establishment.read  platform.manage
  ["director GHBS", "GHBS", "allowed", "404"],
  ["director GHBS", "Quimper", "404", "404"],
  ["director GHBS", "Douarnenez", "404", "404"],
  ["director GHBS", "Saint-Brieuc", "404", "404"],
  ["director GHBS", "Nantes", "404", "404"],

  ["RSSI GHBS", "GHBS", "allowed", "404"],
  ["RSSI GHBS", "Quimper", "404", "404"],
  ["RSSI GHBS", "Douarnenez", "404", "404"],
  ["RSSI GHBS", "Saint-Brieuc", "404", "404"],
  ["RSSI GHBS", "Nantes", "404", "404"],

  ["coordinator UHC", "GHBS", "404", "404"],
  ["coordinator UHC", "Quimper", "allowed", "404"],
  ["coordinator UHC", "Douarnenez", "allowed", "404"],
  ["coordinator UHC", "Saint-Brieuc", "404", "404"],
  ["coordinator UHC", "Nantes", "404", "404"],

  ["delegate Bretagne", "GHBS", "allowed", "404"],
  ["delegate Bretagne", "Quimper", "allowed", "404"],
  ["delegate Bretagne", "Douarnenez", "allowed", "404"],
  ["delegate Bretagne", "Saint-Brieuc", "allowed", "404"],
  ["delegate Bretagne", "Nantes", "404", "404"],

  ["ARS Bretagne", "GHBS", "allowed", "404"],
  ["ARS Bretagne", "Quimper", "allowed", "404"],
  ["ARS Bretagne", "Douarnenez", "allowed", "404"],
  ["ARS Bretagne", "Saint-Brieuc", "allowed", "404"],
  ["ARS Bretagne", "Nantes", "404", "404"],

  ["admin", "GHBS", "allowed", "allowed"],
  ["admin", "Quimper", "allowed", "allowed"],
  ["admin", "Douarnenez", "allowed", "allowed"],
  ["admin", "Saint-Brieuc", "allowed", "allowed"],
  ["admin", "Nantes", "allowed", "allowed"],

  ["delegate Pays de la Loire", "GHBS", "404", "404"],
  ["delegate Pays de la Loire", "Quimper", "404", "404"],
  ["delegate Pays de la Loire", "Douarnenez", "404", "404"],
  ["delegate Pays de la Loire", "Saint-Brieuc", "404", "404"],
  ["delegate Pays de la Loire", "Nantes", "allowed", "404"],

  ["director Quimper", "GHBS", "404", "404"],
  ["director Quimper", "Quimper", "allowed", "404"],
  ["director Quimper", "Douarnenez", "404", "404"], // same GHT, still another establishment
  ["director Quimper", "Saint-Brieuc", "404", "404"],
  ["director Quimper", "Nantes", "404", "404"],
]);

// ─── GHTs and regions ───────────────────────────────────────────────────────

const GHT_MATRIX = matrix<GhtKey>(["ght.read", "platform.manage"], keys(GHTS), [
  // actor                       GHT       ght.read   platform.manage
  ["director GHBS", "UHC", "404", "404"],
  ["director GHBS", "Armor", "404", "404"],
  ["RSSI GHBS", "UHC", "404", "404"],
  ["RSSI GHBS", "Armor", "404", "404"],
  ["coordinator UHC", "UHC", "allowed", "404"],
  ["coordinator UHC", "Armor", "404", "404"],
  ["delegate Bretagne", "UHC", "allowed", "404"],
  ["delegate Bretagne", "Armor", "allowed", "404"],
  ["ARS Bretagne", "UHC", "404", "404"], // ght.read is not an ARS permission
  ["ARS Bretagne", "Armor", "404", "404"],
  ["admin", "UHC", "allowed", "allowed"],
  ["admin", "Armor", "allowed", "allowed"],
  ["delegate Pays de la Loire", "UHC", "404", "404"],
  ["delegate Pays de la Loire", "Armor", "404", "404"],
  ["director Quimper", "UHC", "404", "404"], // directs the support establishment, is not the coordinator
  ["director Quimper", "Armor", "404", "404"],
]);

const REGION_MATRIX = matrix<RegionKey>(["region.read", "platform.manage"], keys(REGIONS), [
  // actor                       region                 region.read  platform.manage
  ["director GHBS", "Bretagne", "404", "404"],
  ["director GHBS", "Pays de la Loire", "404", "404"],
  ["RSSI GHBS", "Bretagne", "404", "404"],
  ["RSSI GHBS", "Pays de la Loire", "404", "404"],
  ["coordinator UHC", "Bretagne", "404", "404"],
  ["coordinator UHC", "Pays de la Loire", "404", "404"],
  ["delegate Bretagne", "Bretagne", "allowed", "404"],
  ["delegate Bretagne", "Pays de la Loire", "404", "404"],
  ["ARS Bretagne", "Bretagne", "allowed", "404"],
  ["ARS Bretagne", "Pays de la Loire", "404", "404"],
  ["admin", "Bretagne", "allowed", "allowed"],
  ["admin", "Pays de la Loire", "allowed", "allowed"],
  ["delegate Pays de la Loire", "Bretagne", "404", "404"],
  ["delegate Pays de la Loire", "Pays de la Loire", "allowed", "404"],
  ["director Quimper", "Bretagne", "404", "404"],
  ["director Quimper", "Pays de la Loire", "404", "404"],
]);

// ─── Assessments ────────────────────────────────────────────────────────────
// Own (GHBS for its people, Quimper for its director); same region shared but a draft (Quimper 2026,
// also a UHC member: a draft never leaves the establishment); submitted and shared (Douarnenez
// 2025, UHC); same region not shared (GHBS 2026, Quimper 2025); submitted (GHBS 2025, not
// shared); other region (Nantes 2026, submitted and shared with its own region).

const A = {
  ghbsDraft: "GHBS 2026 draft, not shared",
  ghbsSubmitted: "GHBS 2025 submitted, not shared",
  quimperShared: "Quimper 2026 draft, shared",
  quimperNotShared: "Quimper 2025 draft, not shared",
  nantes: "Nantes 2026 submitted, shared",
  douarnenez: "Douarnenez 2025 submitted, shared",
} as const satisfies Record<string, AssessmentKey>;

const ASSESSMENT_PERMISSIONS = ["assessment.read", "assessment.answer", "assessment.manage", "dossier.read"] as const;

const ASSESSMENT_MATRIX = matrix<AssessmentKey>(ASSESSMENT_PERMISSIONS, keys(ASSESSMENTS), [
  // actor                       assessment            read       answer     manage     dossier.read
  ["director GHBS", A.ghbsDraft, "allowed", "allowed", "allowed", "allowed"],
  ["director GHBS", A.ghbsSubmitted, "allowed", "allowed", "allowed", "allowed"],
  ["director GHBS", A.quimperShared, "404", "404", "404", "404"],
  ["director GHBS", A.quimperNotShared, "404", "404", "404", "404"],
  ["director GHBS", A.nantes, "404", "404", "404", "404"],
  ["director GHBS", A.douarnenez, "404", "404", "404", "404"],

  ["RSSI GHBS", A.ghbsDraft, "allowed", "allowed", "404", "allowed"],
  ["RSSI GHBS", A.ghbsSubmitted, "allowed", "allowed", "404", "allowed"],
  ["RSSI GHBS", A.quimperShared, "404", "404", "404", "404"],
  ["RSSI GHBS", A.quimperNotShared, "404", "404", "404", "404"],
  ["RSSI GHBS", A.nantes, "404", "404", "404", "404"],
  ["RSSI GHBS", A.douarnenez, "404", "404", "404", "404"],

  ["coordinator UHC", A.ghbsDraft, "404", "404", "404", "404"],
  ["coordinator UHC", A.ghbsSubmitted, "404", "404", "404", "404"],
  ["coordinator UHC", A.quimperShared, "404", "404", "404", "404"], // detail shared, but a draft
  ["coordinator UHC", A.quimperNotShared, "404", "404", "404", "404"],
  ["coordinator UHC", A.nantes, "404", "404", "404", "404"],
  ["coordinator UHC", A.douarnenez, "allowed", "404", "404", "404"],

  ["delegate Bretagne", A.ghbsDraft, "404", "404", "404", "404"],
  ["delegate Bretagne", A.ghbsSubmitted, "404", "404", "404", "404"], // submitted is not shared
  ["delegate Bretagne", A.quimperShared, "404", "404", "404", "404"], // draft answers never leave
  ["delegate Bretagne", A.quimperNotShared, "404", "404", "404", "404"],
  ["delegate Bretagne", A.nantes, "404", "404", "404", "404"], // shared, but with its own region
  ["delegate Bretagne", A.douarnenez, "allowed", "404", "404", "404"],

  ["ARS Bretagne", A.ghbsDraft, "404", "404", "404", "404"],
  ["ARS Bretagne", A.ghbsSubmitted, "404", "404", "404", "allowed"],
  ["ARS Bretagne", A.quimperShared, "404", "404", "404", "404"], // a draft, even shared
  ["ARS Bretagne", A.quimperNotShared, "404", "404", "404", "404"],
  ["ARS Bretagne", A.nantes, "404", "404", "404", "404"], // submitted, other region
  ["ARS Bretagne", A.douarnenez, "404", "404", "404", "allowed"],

  ["admin", A.ghbsDraft, "404", "404", "404", "404"],
  ["admin", A.ghbsSubmitted, "404", "404", "404", "404"],
  ["admin", A.quimperShared, "404", "404", "404", "404"],
  ["admin", A.quimperNotShared, "404", "404", "404", "404"],
  ["admin", A.nantes, "404", "404", "404", "404"],
  ["admin", A.douarnenez, "404", "404", "404", "404"],

  ["delegate Pays de la Loire", A.ghbsDraft, "404", "404", "404", "404"],
  ["delegate Pays de la Loire", A.ghbsSubmitted, "404", "404", "404", "404"],
  ["delegate Pays de la Loire", A.quimperShared, "404", "404", "404", "404"],
  ["delegate Pays de la Loire", A.quimperNotShared, "404", "404", "404", "404"],
  ["delegate Pays de la Loire", A.nantes, "allowed", "404", "404", "404"],
  ["delegate Pays de la Loire", A.douarnenez, "404", "404", "404", "404"],

  ["director Quimper", A.ghbsDraft, "404", "404", "404", "404"],
  ["director Quimper", A.ghbsSubmitted, "404", "404", "404", "404"],
  ["director Quimper", A.quimperShared, "allowed", "allowed", "allowed", "allowed"],
  ["director Quimper", A.quimperNotShared, "allowed", "allowed", "allowed", "allowed"],
  ["director Quimper", A.nantes, "404", "404", "404", "404"],
  ["director Quimper", A.douarnenez, "404", "404", "404", "404"],
]);

/** An answer row is reachable exactly when its assessment is. */
const ANSWER_MATRIX = ASSESSMENT_MATRIX.filter((row) => ANSWERED.includes(row.resource));

// ─── What each actor's lists show ───────────────────────────────────────────

const UHC = [
  "CH de Cornouaille Quimper-Concarneau",
  "CH de Douarnenez",
  "EPSM du Finistère Sud",
  "Hôtel-Dieu de Pont-l'Abbé",
];
const BRETAGNE = [
  "CHU de Rennes",
  "CHU de Brest",
  "Groupe hospitalier Bretagne Sud (GHBS)",
  "CH de Saint-Brieuc",
  "CH de Guingamp",
  "CH de Lannion-Trestel",
  "CH de Paimpol",
  "CH de Tréguier",
  ...UHC,
  "CH Bretagne Atlantique (Vannes)",
  "CH de Saint-Malo",
];
const PAYS_DE_LA_LOIRE = ["CHU de Nantes", "CH du Mans"];
const BRETAGNE_GHTS = [
  "GHT d'Armor",
  "GHT Union Hospitalière de Cornouaille",
  "GHT Brocéliande Atlantique",
  "GHT Rance Émeraude",
  "GHT territoire de Rennes (nom de démonstration)",
  "GHT territoire de Brest (nom de démonstration)",
  "GHT territoire de Lorient (nom de démonstration)",
];
const PAYS_DE_LA_LOIRE_GHTS = [
  "GHT de Loire-Atlantique (nom de démonstration)",
  "GHT de la Sarthe (nom de démonstration)",
];

const LISTS: Record<ActorKey, { establishments: string[]; ghts: string[]; regions: string[] }> = {
  "director GHBS": { establishments: ["Groupe hospitalier Bretagne Sud (GHBS)"], ghts: [], regions: [] },
  "RSSI GHBS": { establishments: ["Groupe hospitalier Bretagne Sud (GHBS)"], ghts: [], regions: [] },
  "coordinator UHC": { establishments: UHC, ghts: ["GHT Union Hospitalière de Cornouaille"], regions: [] },
  "delegate Bretagne": { establishments: BRETAGNE, ghts: BRETAGNE_GHTS, regions: ["Bretagne"] },
  "ARS Bretagne": { establishments: BRETAGNE, ghts: [], regions: ["Bretagne"] },
  admin: {
    establishments: [...BRETAGNE, ...PAYS_DE_LA_LOIRE],
    ghts: [...BRETAGNE_GHTS, ...PAYS_DE_LA_LOIRE_GHTS],
    regions: ALL_REGIONS.map((r) => r.name),
  },
  "delegate Pays de la Loire": {
    establishments: PAYS_DE_LA_LOIRE,
    ghts: PAYS_DE_LA_LOIRE_GHTS,
    regions: ["Pays de la Loire"],
  },
  "director Quimper": { establishments: ["CH de Cornouaille Quimper-Concarneau"], ghts: [], regions: [] },
};

const sorted = (names: string[]) => [...names].sort((a, b) => a.localeCompare(b, "fr"));

// ─── The checks ─────────────────────────────────────────────────────────────

/** A scoped getter either resolves to the requested row, or rejects with AppError NOT_FOUND. */
async function expectGetter(expected: Outcome, id: string, get: () => Promise<{ id: string }>) {
  if (expected === "allowed") {
    await expect(get()).resolves.toMatchObject({ id });
  } else {
    const error = await get().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("NOT_FOUND");
  }
}

const title = "[ACCESS] $actor · $permission · $resource → $expected";

describe("[ACCESS] establishments through getEstablishmentOrThrow", () => {
  it.each(ESTABLISHMENT_MATRIX)(
    title,
    async ({ actor, permission, resource, expected }: MatrixRow<EstablishmentKey>) => {
      const id = world.establishments[resource];
      await expectGetter(expected, id, () => getEstablishmentOrThrow(testDb.db, world.actors[actor], id, permission));
    },
  );
});

describe("[ACCESS] GHTs through getGhtOrThrow", () => {
  it.each(GHT_MATRIX)(title, async ({ actor, permission, resource, expected }: MatrixRow<GhtKey>) => {
    const id = world.ghts[resource];
    await expectGetter(expected, id, () => getGhtOrThrow(testDb.db, world.actors[actor], id, permission));
  });
});

describe("[ACCESS] regions through getRegionOrThrow", () => {
  it.each(REGION_MATRIX)(title, async ({ actor, permission, resource, expected }: MatrixRow<RegionKey>) => {
    const id = world.regions[resource];
    await expectGetter(expected, id, () => getRegionOrThrow(testDb.db, world.actors[actor], id, permission));
  });
});

describe("[ACCESS] assessments through assessmentScope", () => {
  it.each(ASSESSMENT_MATRIX)(title, async ({ actor, permission, resource, expected }: MatrixRow<AssessmentKey>) => {
    const id = world.assessments[resource];
    const row = await testDb.db.assessment.findFirst({
      where: { AND: [{ id }, assessmentScope(world.actors[actor], permission)] },
      select: { id: true },
    });
    expect(row ? "allowed" : "404").toBe(expected);
  });

  // The autosave decides in memory from one read (lib/assessments/answer-context.ts): the same
  // matrix must come out of can() given the assessment's facts as out of the where clause.
  it.each(ASSESSMENT_MATRIX)(
    "[ACCESS] can(actor, permission, assessment) · $actor · $resource · $permission → $expected",
    async ({ actor, permission, resource, expected }: MatrixRow<AssessmentKey>) => {
      const a = await testDb.db.assessment.findUniqueOrThrow({
        where: { id: world.assessments[resource] },
        select: {
          establishmentId: true,
          sharing: true,
          status: true,
          establishment: { select: { ghtId: true, regionId: true } },
        },
      });
      const facts = {
        establishmentId: a.establishmentId,
        sharing: a.sharing,
        status: a.status,
        ...a.establishment,
      };
      expect(can(world.actors[actor], permission, facts) ? "allowed" : "404").toBe(expected);
    },
  );

  // …and out of the SQL condition the autosave's single statement embeds.
  it.each(ASSESSMENT_MATRIX)(
    "[ACCESS] reachesAssessmentSql · $actor · $resource · $permission → $expected",
    async ({ actor, permission, resource, expected }: MatrixRow<AssessmentKey>) => {
      const condition = reachesAssessmentSql(permission, "$1", {
        establishmentId: `a."establishmentId"`,
        ghtId: `es."ghtId"`,
        regionId: `es."regionId"`,
        sharing: `a."sharing"`,
        status: `a."status"`,
      });
      const rows = await testDb.db.$queryRawUnsafe<unknown[]>(
        `SELECT 1 FROM "Assessment" a JOIN "Establishment" es ON es."id" = a."establishmentId" WHERE a."id" = $2 AND ${condition}`,
        world.actors[actor].id,
        world.assessments[resource],
      );
      expect(rows.length ? "allowed" : "404").toBe(expected);
    },
  );
});

describe("[ACCESS] answers through their assessment's scope", () => {
  it.each(ANSWER_MATRIX)(
    "[ACCESS] answer of $resource · $actor · $permission → $expected",
    async ({ actor, permission, resource, expected }: MatrixRow<AssessmentKey>) => {
      const id = world.answers[resource]!;
      const row = await testDb.db.answer.findFirst({
        where: { AND: [{ id }, { assessment: assessmentScope(world.actors[actor], permission) }] },
        select: { id: true },
      });
      expect(row ? "allowed" : "404").toBe(expected);
    },
  );
});

describe("[ACCESS] lists show exactly the actor's perimeter", () => {
  it.each(ACTOR_KEYS)("[ACCESS] listEstablishments for %s", async (actor) => {
    const rows = await listEstablishments(testDb.db, world.actors[actor]);
    expect(sorted(rows.map((r) => r.name))).toEqual(sorted(LISTS[actor].establishments));
  });

  it.each(ACTOR_KEYS)("[ACCESS] listGhts for %s", async (actor) => {
    const rows = await listGhts(testDb.db, world.actors[actor]);
    expect(sorted(rows.map((r) => r.name))).toEqual(sorted(LISTS[actor].ghts));
  });

  it.each(ACTOR_KEYS)("[ACCESS] listRegions for %s", async (actor) => {
    const rows = await listRegions(testDb.db, world.actors[actor]);
    expect(sorted(rows.map((r) => r.name))).toEqual(sorted(LISTS[actor].regions));
  });

  it("[ACCESS] listEstablishments with platform.manage: everything for the admin, nothing for anyone else", async () => {
    for (const actor of ACTOR_KEYS) {
      const rows = await listEstablishments(testDb.db, world.actors[actor], {}, "platform.manage");
      expect(rows.length, actor).toBe(actor === "admin" ? BRETAGNE.length + PAYS_DE_LA_LOIRE.length : 0);
    }
  });

  it("[ACCESS] listMyAssignments: the RSSI sees the section assigned to them, nobody else sees it", async () => {
    const mine = await listMyAssignments(testDb.db, world.actors["RSSI GHBS"]);
    expect(mine).toEqual([
      expect.objectContaining({
        domainCode: ASSIGNMENT.domainCode,
        assessment: expect.objectContaining({ id: world.assessments[ASSIGNMENT.assessment] }),
      }),
    ]);
    for (const actor of ACTOR_KEYS.filter((a) => a !== "RSSI GHBS")) {
      expect(await listMyAssignments(testDb.db, world.actors[actor]), actor).toEqual([]);
    }
  });

  it("[ACCESS] can() is true whenever the matrix allows something for that permission", () => {
    const rows: MatrixRow<string>[] = [...ESTABLISHMENT_MATRIX, ...GHT_MATRIX, ...REGION_MATRIX, ...ASSESSMENT_MATRIX];
    for (const row of rows) {
      if (row.expected === "allowed")
        expect(can(world.actors[row.actor], row.permission), `${row.actor} ${row.permission}`).toBe(true);
    }
    const never: [ActorKey, Permission][] = [
      ["RSSI GHBS", "assessment.manage"],
      ["delegate Bretagne", "assessment.answer"],
      ["delegate Bretagne", "assessment.manage"],
      ["ARS Bretagne", "assessment.read"],
      ["admin", "assessment.read"],
      ["admin", "assessment.answer"],
      ["coordinator UHC", "region.read"],
      ["director GHBS", "platform.manage"],
    ];
    for (const [actor, permission] of never)
      expect(can(world.actors[actor], permission), `${actor} ${permission}`).toBe(false);
  });
});

// Last: these create rows (a user, a disabled establishment outside the lists above).
describe("[ACCESS] disabled accounts and establishments", () => {
  it("[ACCESS] a disabled user loads as null", async () => {
    const user = await testDb.db.user.create({
      data: {
        email: "desactive@test.socle.fr",
        name: "Compte désactivé",
        passwordHash: "x",
        memberships: { create: { role: "director", establishmentId: world.establishments.GHBS } },
      },
    });
    expect(await loadActor(testDb.db, user.id)).toMatchObject({ id: user.id, memberships: [{ role: "director" }] });
    await testDb.db.user.update({ where: { id: user.id }, data: { disabled: true } });
    expect(await loadActor(testDb.db, user.id)).toBeNull();
  });

  it("[ACCESS] a membership on a disabled establishment disappears from the actor", async () => {
    const closing = await testDb.db.establishment.create({
      data: {
        finess: demoFiness("75", "01"),
        name: "CH fermé (test)",
        category: "CH",
        departementCode: "75",
        regionId: (await testDb.db.departement.findUniqueOrThrow({ where: { code: "75" } })).regionId,
      },
    });
    const user = await testDb.db.user.create({
      data: {
        email: "deux-etablissements@test.socle.fr",
        name: "Deux établissements",
        passwordHash: "x",
        memberships: {
          create: [
            { role: "contributor", function: "DPO", establishmentId: world.establishments.GHBS },
            { role: "director", establishmentId: closing.id },
          ],
        },
      },
    });
    const before = await loadActor(testDb.db, user.id);
    expect(before?.memberships.map((m) => m.establishmentId).sort()).toEqual(
      [world.establishments.GHBS, closing.id].sort(),
    );
    await expectGetter("allowed", closing.id, () => getEstablishmentOrThrow(testDb.db, before!, closing.id));

    await testDb.db.establishment.update({ where: { id: closing.id }, data: { disabled: true } });

    const after = await loadActor(testDb.db, user.id);
    expect(after?.memberships).toEqual([
      { role: "contributor", function: "DPO", establishmentId: world.establishments.GHBS, ghtId: null, regionId: null },
    ]);
    await expectGetter("404", closing.id, () => getEstablishmentOrThrow(testDb.db, after!, closing.id));
    await expectGetter("allowed", world.establishments.GHBS, () =>
      getEstablishmentOrThrow(testDb.db, after!, world.establishments.GHBS),
    );
    expect(can(after!, "assessment.manage")).toBe(false);
  });
});
