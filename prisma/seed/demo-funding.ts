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
