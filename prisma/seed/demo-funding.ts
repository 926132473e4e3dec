import type { PrismaClient } from "@/generated/prisma/client";

// An example funding assumption, so that the "funding at stake" view has something to show in the
// demo: Bretagne's HOP'EN envelope as the press reported it in 2019, set on the 2021 campaign.
// It is flagged isExample and says in words that it is an example, not a promise. Idempotent.

export const DEMO_FUNDING_CAMPAIGN = "HOP'EN — prérequis 2021";

export const DEMO_FUNDING_ASSUMPTION =
  "Exemple de démonstration, pas une promesse : enveloppe HOP'EN de la région Bretagne telle qu'annoncée par la presse " +
  "(Ouest-France, juin 2019 : 21 M€ pour la Bretagne jusqu'en 2022, sur une enveloppe nationale de 420 M€). " +
  "Partage supposé pour l'exemple entre 60 établissements éligibles de la région (nombre non sourcé). " +
  "Ce chiffre n'est pas une enveloppe notifiée : remplacez-le par le montant réellement notifié par l'ARS.";

export async function seedDemoFunding(db: PrismaClient): Promise<void> {
  const campaign = await db.campaign.findFirst({ where: { name: DEMO_FUNDING_CAMPAIGN }, select: { id: true } });
  const bretagne = await db.region.findUnique({ where: { code: "53" }, select: { id: true } });
  const admin = await db.user.findUnique({ where: { email: "admin@demo.socle.fr" }, select: { id: true } });
  if (!campaign || !bretagne || !admin) return;
  const exists = await db.fundingParameter.count({
    where: { campaignId: campaign.id, regionId: bretagne.id, establishmentId: null, domainCode: null },
  });
  if (exists) return;
  await db.fundingParameter.create({
    data: {
      campaignId: campaign.id,
      regionId: bretagne.id,
      amountEuros: 21_000_000,
      eligibleCount: 60,
      assumption: DEMO_FUNDING_ASSUMPTION,
      isExample: true,
      setById: admin.id,
    },
  });
}

/**
 * Example per-domain assumptions for the HOP'EN usage campaign. No source we hold gives a HOP'EN
 * amount per usage domain: each is flagged isExample and says so in its words. D2 takes the national
 * share the DGOS reported for the domain (52 % of the money) applied, for the example only, to the
 * Bretagne envelope; D3's range, population and ceiling are invented to show how a range and a
 * ceiling read. Idempotent.
 */
export const DEMO_USAGE_ASSUMPTIONS = {
  D2:
    "Exemple de démonstration, pas un montant officiel : aucune source consultée ne donne de montant HOP'EN par domaine d'usage. " +
    "Pour l'exemple, 52 % de l'enveloppe bretonne de 21 M€ (part du domaine D2 dans les financements HOP'EN au niveau national, DGOS), " +
    "partagés entre 60 établissements éligibles (nombre non sourcé).",
  D3:
    "Exemple de démonstration, pas un montant officiel : enveloppe fictive du domaine D3 de 1 à 2 M€ pour la région, " +
    "partagée selon l'activité d'une population fictive de 1 500 000 séjours, plafonnée à 100 000 € par établissement (plafond fictif).",
} as const;

export async function seedDemoUsageFunding(db: PrismaClient, campaignId: string): Promise<void> {
  const bretagne = await db.region.findUnique({ where: { code: "53" }, select: { id: true } });
  const admin = await db.user.findUnique({ where: { email: "admin@demo.socle.fr" }, select: { id: true } });
  if (!bretagne || !admin) return;
  const rows = [
    { domainCode: "D2", amountEuros: 10_920_000, eligibleCount: 60, assumption: DEMO_USAGE_ASSUMPTIONS.D2 },
    {
      domainCode: "D3",
      amountEuros: 1_000_000,
      amountMaxEuros: 2_000_000,
      populationActivity: 1_500_000,
      ceilingEuros: 100_000,
      assumption: DEMO_USAGE_ASSUMPTIONS.D3,
    },
  ];
  for (const row of rows) {
    const exists = await db.fundingParameter.count({
      where: { campaignId, regionId: bretagne.id, establishmentId: null, domainCode: row.domainCode },
    });
    if (!exists)
      await db.fundingParameter.create({
        data: { campaignId, regionId: bretagne.id, isExample: true, setById: admin.id, ...row },
      });
  }
}
