import "server-only";
import { assertAdmin } from "@/lib/admin/guard";
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/core/db";
import { notFound } from "@/lib/core/errors";
import { campaignSelect } from "./commands";

// The admin's campaign reads: each asserts platform.manage first (NOT_FOUND otherwise).
// "Assessments started" counts establishments, not revisions: a reopened assessment keeps its
// first revision (superseded), so revision 1 exists exactly once per establishment that started.

/** A campaign as lists show it: its name, year and dates. */
export const campaignHeadSelect = { id: true, name: true, year: true, opensOn: true, closesOn: true } as const;

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

export async function listAdminCampaigns(db: Db, actor: Actor) {
  assertAdmin(actor);
  const rows = await db.campaign.findMany({
    select: {
      ...campaignHeadSelect,
      referentialVersion: { select: { id: true, version: true, referential: { select: { id: true, title: true } } } },
      _count: { select: { establishments: true, assessments: { where: { revision: 1 } } } },
    },
    orderBy: [{ year: "desc" }, { opensOn: "desc" }, { name: "asc" }],
  });
  return rows.map(({ _count, ...c }) => ({
    ...c,
    opensOn: isoDay(c.opensOn),
    closesOn: isoDay(c.closesOn),
    establishments: _count.establishments,
    assessmentsStarted: _count.assessments,
  }));
}

export type TAdminCampaignRow = Awaited<ReturnType<typeof listAdminCampaigns>>[number];

/** One campaign as the edit form needs it, plus what is locked by assessments already started. */
export async function getAdminCampaign(db: Db, actor: Actor, campaignId: string) {
  assertAdmin(actor);
  const campaign = await db.campaign.findUnique({
    where: { id: campaignId },
    select: {
      ...campaignSelect,
      establishments: { select: { establishmentId: true } },
      assessments: { where: { revision: 1 }, select: { establishmentId: true } },
    },
  });
  if (!campaign) throw notFound("Cette campagne");
  const { establishments, assessments, ...fields } = campaign;
  return {
    ...fields,
    opensOn: isoDay(fields.opensOn),
    closesOn: isoDay(fields.closesOn),
    establishmentIds: establishments.map((e) => e.establishmentId).sort(),
    /** Establishments that started: they cannot leave the campaign, and the version is locked. */
    startedEstablishmentIds: [...new Set(assessments.map((a) => a.establishmentId))].sort(),
  };
}

export type TEstablishmentOption = {
  id: string;
  name: string;
  finess: string;
  departementCode: string;
  disabled: boolean;
};
export type TRegionGroup = { id: string; name: string; establishments: TEstablishmentOption[] };

/**
 * Establishments a campaign can include, grouped by region (the form's checkbox list). Disabled ones
 * are offered only when already in the campaign (`keepIds`), so that they can be removed.
 */
export async function listEstablishmentChoices(
  db: Db,
  actor: Actor,
  keepIds: readonly string[] = [],
): Promise<TRegionGroup[]> {
  assertAdmin(actor);
  const rows = await db.establishment.findMany({
    where: { OR: [{ disabled: false }, { id: { in: [...keepIds] } }] },
    select: {
      id: true,
      name: true,
      finess: true,
      departementCode: true,
      disabled: true,
      region: { select: { id: true, name: true } },
    },
    orderBy: [{ region: { name: "asc" } }, { departementCode: "asc" }, { name: "asc" }],
  });
  const groups = new Map<string, TRegionGroup>();
  for (const { region, ...e } of rows) {
    const group = groups.get(region.id) ?? { id: region.id, name: region.name, establishments: [] };
    group.establishments.push(e);
    groups.set(region.id, group);
  }
  return [...groups.values()];
}
