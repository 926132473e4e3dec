import type { PrismaClient } from "@/generated/prisma/client";
import { hashPassword } from "@/lib/auth/password-hash";
import { sealSecret } from "@/lib/auth/second-factor/secret-box";
import { withFinessKey } from "@/lib/establishments/finess";
import {
  DEMO_ACCOUNTS,
  DEMO_ESTABLISHMENTS,
  DEMO_GHTS,
  DEMO_PASSWORD,
  DEMO_SITES,
  LEGACY_DEMO_GHT_NAMES,
} from "./demo-data";
import { REGIONS } from "./places";

/** Regions and départements: reference data, upserted on every start. */
export async function seedPlaces(db: PrismaClient): Promise<void> {
  for (const region of REGIONS) {
    const row = await db.region.upsert({
      where: { code: region.code },
      create: { code: region.code, name: region.name },
      update: {}, // an admin may have renamed it: never undo that
    });
    for (const [code, name] of region.departements) {
      await db.departement.upsert({ where: { code }, create: { code, name, regionId: row.id }, update: {} });
    }
  }
}

export const demoFiness = (departement: string, serial: string) =>
  withFinessKey(`${departement.slice(0, 2)}0999${serial}`);

/** The demo region: idempotent, keyed on FINESS and email. Returns whether anything was created. */
export async function seedDemo(db: PrismaClient): Promise<void> {
  const regionIds = new Map((await db.region.findMany()).map((r) => [r.code, r.id]));
  const departements = new Map((await db.departement.findMany()).map((d) => [d.code, d.regionId]));
  const establishmentIds = new Map<string, string>();
  for (const e of DEMO_ESTABLISHMENTS) {
    const finess = demoFiness(e.departement, e.serial);
    const data = {
      name: e.name,
      category: e.category,
      departementCode: e.departement,
      regionId: departements.get(e.departement)!,
      annualActivity: e.activity,
    };
    const row = await db.establishment.upsert({
      where: { finess },
      create: { finess, siret: e.siret ?? null, ...data },
      update: {},
    });
    establishmentIds.set(e.key, row.id);
  }
  const ghtIds = new Map<string, string>();
  for (const g of DEMO_GHTS) {
    const supportEstablishmentId = establishmentIds.get(g.support)!;
    // Found by name, or by its support establishment under a name an earlier demo gave it (renamed).
    const found = await db.ght.findFirst({ where: { OR: [{ name: g.name }, { supportEstablishmentId }] } });
    const legacy = found && (LEGACY_DEMO_GHT_NAMES as readonly string[]).includes(found.name);
    const row = !found
      ? await db.ght.create({ data: { name: g.name, regionId: regionIds.get(g.region)!, supportEstablishmentId } })
      : legacy
        ? await db.ght.update({ where: { id: found.id }, data: { name: g.name } })
        : found;
    ghtIds.set(g.key, row.id);
  }
  for (const e of DEMO_ESTABLISHMENTS) {
    if (e.ght)
      await db.establishment.update({
        where: { id: establishmentIds.get(e.key)! },
        data: { ghtId: ghtIds.get(e.ght)! },
      });
  }
  for (const site of DEMO_SITES) {
    const finess = demoFiness(site.departement, site.serial);
    const data = { name: site.name, annualActivity: site.activity };
    const establishmentId = establishmentIds.get(site.establishment)!;
    await db.site.upsert({ where: { finess }, create: { finess, establishmentId, ...data }, update: {} });
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const a of DEMO_ACCOUNTS) {
    const user = await db.user.upsert({
      where: { email: a.email },
      create: { email: a.email, name: a.name, title: a.title, passwordHash, isDemo: true },
      update: {},
    });
    // The demo admin's authenticator secret is public (printed by npm start, like the password), so
    // that the demo and the e2e can compute its codes; a real admin enrols at first sign-in.
    if (a.totpSecret && !user.totpSecret)
      await db.user.update({
        where: { id: user.id },
        data: { totpSecret: sealSecret(a.totpSecret), totpEnabledAt: new Date() },
      });
    const scope = {
      establishmentId: a.establishment ? establishmentIds.get(a.establishment)! : null,
      ghtId: a.ght ? ghtIds.get(a.ght)! : null,
      regionId: a.region ? regionIds.get(a.region)! : null,
    };
    const exists = await db.membership.findFirst({ where: { userId: user.id, role: a.role, ...scope } });
    if (!exists)
      await db.membership.create({ data: { userId: user.id, role: a.role, function: a.function ?? null, ...scope } });
  }
}
