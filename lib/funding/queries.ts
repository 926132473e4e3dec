import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assessmentScope, establishmentScope, regionScope } from "@/lib/auth/scope";
import type { Db } from "@/lib/core/db";
import { notFound } from "@/lib/core/errors";
import { fundingParameterScope } from "./access";
import { fundingParameterSelect } from "./commands";
import type { FundingAtStakeInput } from "./compute";
import { referentialOf } from "@/lib/referentials/referential-of";

/** Everything fundingAtStake needs except the missing prerequisites (the scoring gives those). */
export type FundingInputs = Omit<FundingAtStakeInput, "blockingMissing">;

/**
 * The funding assumptions that apply to an assessment (its campaign; its establishment, or its
 * region's envelope), after the caller's scoped load; checked again here. Null when none apply.
 */
export async function getFundingForAssessment(
  db: Db,
  actor: Actor,
  assessment: FundedAssessment,
): Promise<FundingInputs | null> {
  const visible = await db.assessment.count({
    where: { AND: [{ id: assessment.id }, assessmentScope(actor, "assessment.read")] },
  });
  if (!visible) throw notFound("Cette évaluation");
  return loadFundingInputs(db, assessment);
}

type FundedAssessment = { id: string; establishmentId: string; campaignId: string };

/**
 * Same, without the check: only for a caller that loaded the assessment through its own scope
 * (the dossier, which an ARS reviewer may read as "dossier.read" without "assessment.read").
 */
export async function loadFundingInputs(db: Db, assessment: FundedAssessment): Promise<FundingInputs | null> {
  const establishment = await db.establishment.findUniqueOrThrow({
    where: { id: assessment.establishmentId },
    select: { id: true, regionId: true, annualActivity: true },
  });
  const parameters = await db.fundingParameter.findMany({
    where: {
      campaignId: assessment.campaignId,
      OR: [{ establishmentId: establishment.id }, { establishmentId: null, regionId: establishment.regionId }],
    },
    select: fundingParameterSelect,
  });
  if (parameters.length === 0) return null;
  // The population is the one the assumption names (compute.ts), not the campaign's enrolment.
  return { parameters, establishment };
}

export type FundingAdminView = Awaited<ReturnType<typeof getFundingAdminView>>;
export type FundingParameterRow = FundingAdminView["parameters"][number];

/** For the admin page (all) and a region's page (`regionId`): parameters and what the form offers. */
export async function getFundingAdminView(db: Db, actor: Actor, regionId?: string) {
  const inRegion = regionId ? { regionId } : {};
  const establishmentWhere = { AND: [establishmentScope(actor, "region.funding"), inRegion, { disabled: false }] };
  const [campaigns, parameters, regions, establishments] = await Promise.all([
    db.campaign.findMany({
      where: { establishments: { some: { establishment: establishmentWhere } } },
      select: { id: true, name: true, year: true, referentialVersion: { select: { content: true } } },
      orderBy: [{ year: "desc" }, { name: "asc" }],
    }),
    db.fundingParameter.findMany({
      where: {
        AND: [fundingParameterScope(actor), regionId ? { OR: [{ regionId }, { establishment: { regionId } }] } : {}],
      },
      select: {
        ...fundingParameterSelect,
        region: { select: { name: true } },
        establishment: { select: { name: true } },
      },
      orderBy: [{ setAt: "desc" }],
    }),
    db.region.findMany({
      where: { AND: [regionScope(actor, "region.funding"), regionId ? { id: regionId } : {}] },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
    db.establishment.findMany({
      where: establishmentWhere,
      select: { id: true, name: true, regionId: true, campaigns: { select: { campaignId: true } } },
      orderBy: { name: "asc" },
    }),
  ]);
  const setters = await db.user.findMany({
    where: { id: { in: [...new Set(parameters.map((p) => p.setById))] } },
    select: { id: true, name: true },
  });
  const names = new Map(setters.map((u) => [u.id, u.name]));
  return {
    campaigns: campaigns.map((c) => ({
      id: c.id,
      name: c.name,
      year: c.year,
      domains: (referentialOf(c.referentialVersion).domains ?? []).map((d) => ({
        code: d.code,
        title: d.title,
      })),
    })),
    parameters: parameters.map(({ region, establishment, ...p }) => ({
      ...p,
      setAt: p.setAt.toISOString(),
      scopeName: establishment?.name ?? region?.name ?? "—",
      setByName: names.get(p.setById) ?? "Compte supprimé",
    })),
    regions,
    establishments: establishments.map((e) => ({
      id: e.id,
      name: e.name,
      regionId: e.regionId,
      campaignIds: e.campaigns.map((c) => c.campaignId),
    })),
  };
}
