// The demo world of the regional comparison: places, accounts, campaigns and the Breton demo of
// prisma/seed/demo-regional.ts, on a fresh test database.
import type { PrismaClient } from "@/generated/prisma/client";
import { loadActor, type Actor } from "@/lib/auth/actor";
import { syncShippedReferentials } from "@/lib/referentials/store";
import { seedDemoCampaigns } from "@/prisma/seed/demo-campaigns";
import { seedDemoRegional } from "@/prisma/seed/demo-regional";
import { seedDemo, seedPlaces } from "@/prisma/seed/seed";

export const EMAILS = {
  delegate: "delegue.bretagne@demo.socle.fr",
  delegatePdl: "delegue.pdl@demo.socle.fr",
  coordinator: "coordination.uhc@demo.socle.fr",
  director: "directrice.ghbs@demo.socle.fr",
  directorQuimper: "directeur.quimper@demo.socle.fr",
  ars: "ars.bretagne@demo.socle.fr",
  admin: "admin@demo.socle.fr",
} as const;

export async function buildRegionalWorld(db: PrismaClient) {
  await seedPlaces(db);
  await syncShippedReferentials(db);
  await seedDemo(db);
  await seedDemoCampaigns(db);
  await seedDemoRegional(db);
  const actors = {} as Record<keyof typeof EMAILS, Actor>;
  for (const [key, email] of Object.entries(EMAILS) as [keyof typeof EMAILS, string][]) {
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    actors[key] = (await loadActor(db, user.id))!;
  }
  const region = async (code: string) => (await db.region.findUniqueOrThrow({ where: { code } })).id;
  const ght = async (name: string) => (await db.ght.findUniqueOrThrow({ where: { name } })).id;
  const establishment = async (prefix: string) =>
    (await db.establishment.findFirstOrThrow({ where: { name: { startsWith: prefix } } })).id;
  const hopen = await db.campaign.findMany({
    where: { referentialVersion: { referentialId: "hopen-socle" } },
    orderBy: { year: "desc" },
  });
  return {
    actors,
    bretagne: await region("53"),
    paysDeLaLoire: await region("52"),
    uhc: await ght("GHT Union Hospitalière de Cornouaille"),
    armor: await ght("GHT d'Armor"),
    establishment,
    current: hopen[0]!,
    previous: hopen[1]!,
  };
}
