import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { can, establishmentScope, regionScope } from "@/lib/auth/scope";
import type { Db, Tx } from "@/lib/core/db";
import { AppError, fieldError, notFound } from "@/lib/core/errors";
import type { FundingParameterInput } from "./schemas";
import { referentialOf } from "@/lib/referentials/referential-of";

// Who may set funding assumptions ("region.funding"): the admin anywhere, a regional delegate for
// their region and its establishments. Everyone else, and every target outside that scope, is
// NOT_FOUND, whether it exists or not.

const scoped = (what: string, field: string) => fieldError(field, notFound(what).message, "NOT_FOUND");

/** Parameters the actor may see and change. */
export function fundingParameterScope(actor: Actor): Prisma.FundingParameterWhereInput {
  if (can(actor, "platform.manage") && can(actor, "region.funding")) return {};
  return {
    OR: [
      { region: { is: regionScope(actor, "region.funding") } },
      { establishment: { is: establishmentScope(actor, "region.funding") } },
    ],
  };
}

/** The campaign, if it concerns at least one establishment the actor may set funding for. */
export async function loadFundingCampaign(db: Db | Tx, actor: Actor, campaignId: string) {
  const campaign = await db.campaign.findFirst({
    where: { id: campaignId, establishments: { some: { establishment: establishmentScope(actor, "region.funding") } } },
    select: { id: true, referentialVersion: { select: { content: true } } },
  });
  if (!campaign) throw scoped("Cette campagne", "campaignId");
  return {
    id: campaign.id,
    domains: referentialOf(campaign.referentialVersion).domains ?? [],
  };
}

/** Checks the target (campaign, region or establishment, domain) and returns the row's columns. */
export async function resolveTarget(db: Db | Tx, actor: Actor, input: FundingParameterInput) {
  const campaign = await loadFundingCampaign(db, actor, input.campaignId);
  let regionId: string | null = null;
  let establishmentId: string | null = null;
  if (input.scope === "region") {
    const region = await db.region.findFirst({
      where: { AND: [{ id: input.regionId ?? "" }, regionScope(actor, "region.funding")] },
      select: { id: true },
    });
    if (!region) throw scoped("Cette région", "regionId");
    regionId = region.id;
  } else {
    const establishment = await db.establishment.findFirst({
      where: { AND: [{ id: input.establishmentId ?? "" }, establishmentScope(actor, "region.funding")] },
      select: { id: true, campaigns: { where: { campaignId: campaign.id }, select: { campaignId: true } } },
    });
    if (!establishment) throw scoped("Cet établissement", "establishmentId");
    if (!establishment.campaigns.length)
      throw fieldError("establishmentId", "Cet établissement ne participe pas à cette campagne.");
    establishmentId = establishment.id;
  }
  const domainCode = input.domainCode || null;
  if (domainCode && !campaign.domains.some((d) => d.code === domainCode)) {
    throw fieldError("domainCode", `Le domaine ${domainCode} n'existe pas dans le référentiel de cette campagne.`);
  }
  return { campaignId: campaign.id, regionId, establishmentId, domainCode };
}

/** One parameter per campaign, scope and domain: a second one is refused (edit the first). */
export async function assertNoTwin(db: Db | Tx, target: Awaited<ReturnType<typeof resolveTarget>>, exceptId?: string) {
  const twin = await db.fundingParameter.findFirst({
    where: { ...target, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (twin) {
    throw new AppError(
      "CONFLICT",
      "Un paramètre existe déjà pour cette campagne, ce périmètre et ce domaine : modifiez-le plutôt.",
      {
        fieldErrors: { domainCode: ["Un paramètre existe déjà pour ce périmètre et ce domaine."] },
      },
    );
  }
}
