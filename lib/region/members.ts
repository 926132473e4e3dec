import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { EstablishmentCategory, RegionSharing } from "@/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { establishmentScope } from "@/lib/auth/scope";
import type { Db } from "@/lib/core/db";
import { participationFacts } from "./aggregates";
import { type ComparisonSettings, sizeBandOf } from "./settings";
import type { GroupMember } from "./small-groups";

// The members of a comparison: the establishments the actor may compare (lib/auth/scope.ts,
// "comparison.read" or "comparison.peers") that take part in the campaign, with their
// participation read in one statement. Participation is always visible; the result ids with
// visible detail are those whose director chose "detail" for a submitted revision. Nothing here
// reads an answer: drafts never leave the establishment.

export type Participation = "not_started" | "in_progress" | "submitted";

export type MemberFacts = {
  id: string;
  name: string;
  finess: string;
  category: EstablishmentCategory;
  departementCode: string;
  departementName: string;
  ghtId: string | null;
  ghtName: string | null;
  activity: number | null;
  sizeBand: { code: string; label: string; short: string } | null;
  participation: Participation;
  eligible: boolean | null;
  sharing: RegionSharing;
  /** The submitted revision whose results count (latest submitted), if any. */
  resultId: string | null;
  /** The same id, only when the director shared the detail. */
  detailId: string | null;
  overallScore: number | null;
  coverageObjectiveMet: boolean | null;
};

type FactsRow = {
  id: string;
  departementName: string;
  ghtName: string | null;
  latestSharing: RegionSharing | null;
  answered: boolean;
  hasDraft: boolean;
  resultId: string | null;
  overallScore: number | null;
  eligible: boolean | null;
  coverageObjectiveMet: boolean | null;
};

/** Per establishment: the latest revision's sharing and whether anything was answered, and the latest result. */
async function participationOf(db: Db, campaignId: string, ids: string[]): Promise<Map<string, FactsRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db.$queryRaw<FactsRow[]>(participationFacts(campaignId, ids));
  return new Map(rows.map((r) => [r.id, r]));
}

export type MemberScope = { regionId: string } | { ghtId: string } | { establishmentId: string } | object;

/** The campaign's members the actor may compare, in `scope` (a region, a GHT, or nothing more). */
export async function loadMembers(
  db: Db,
  actor: Actor,
  permission: "comparison.read" | "comparison.peers",
  campaignId: string,
  scope: { regionId?: string; ghtId?: string; establishmentIds?: string[] },
  settings: ComparisonSettings,
  /** The director's preview of a level not chosen yet (own establishment only: comparison.peers). */
  previewSharing?: RegionSharing,
): Promise<MemberFacts[]> {
  const where: Prisma.EstablishmentWhereInput = {
    AND: [
      establishmentScope(actor, permission),
      { disabled: false, campaigns: { some: { campaignId } } },
      scope.regionId ? { regionId: scope.regionId } : {},
      scope.ghtId ? { ghtId: scope.ghtId } : {},
      scope.establishmentIds ? { id: { in: scope.establishmentIds } } : {},
    ],
  };
  const establishments = await db.establishment.findMany({
    where,
    select: {
      id: true,
      name: true,
      finess: true,
      category: true,
      departementCode: true,
      ghtId: true,
      annualActivity: true,
    },
    orderBy: { name: "asc" },
  });
  const facts = await participationOf(
    db,
    campaignId,
    establishments.map((e) => e.id),
  );
  return establishments.map((e) => {
    // One row per establishment just read; the names come with it (no query per relation).
    const f = facts.get(e.id)!;
    const submitted = Boolean(f.resultId);
    const sharing = previewSharing ?? ((f.latestSharing ?? "participation") as RegionSharing);
    const band = sizeBandOf(settings.sizeBands, e.annualActivity);
    return {
      id: e.id,
      name: e.name,
      finess: e.finess,
      category: e.category,
      departementCode: e.departementCode,
      departementName: f.departementName,
      ghtId: e.ghtId,
      ghtName: f.ghtName,
      activity: e.annualActivity,
      sizeBand: band ? { code: band.code, label: band.label, short: band.short } : null,
      participation: submitted ? "submitted" : f.hasDraft && f.answered ? "in_progress" : "not_started",
      eligible: submitted ? f.eligible : null,
      sharing,
      resultId: f.resultId ?? null,
      detailId: submitted && sharing === "detail" ? f.resultId : null,
      overallScore: submitted && sharing === "detail" ? f.overallScore : null,
      coverageObjectiveMet: submitted && sharing === "detail" ? f.coverageObjectiveMet : null,
    };
  });
}

export function asGroupMember(m: MemberFacts): GroupMember {
  return {
    id: m.id,
    departement: m.departementCode,
    ght: m.ghtId,
    category: m.category,
    sizeBand: m.sizeBand?.code ?? null,
  };
}
