import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { assessmentScope } from "@/lib/auth/scope";
import type { Db } from "@/lib/core/db";
import { AppError, notFound } from "@/lib/core/errors";
import { getVersionContent } from "@/lib/referentials/queries";
import { scoreCutpoints, type Cutpoints } from "./aggregates";
import { freezeMissingResults } from "./results";
import { loadSettings } from "./settings-query";
import { sizeBandOf } from "./settings";

// A director's position among peers: for the overall score and each domain, the band the
// establishment's submitted score falls in (below P20, P20–P50, P50–P80, above P80) within a peer
// group the director picks. Peers are the latest submitted revisions of the same campaign whose
// directors shared their detail, plus the establishment itself. Only the band and the group's n
// come out of here: never a rank, a name, or another establishment's value.

export const PEER_GROUPS = ["region", "category", "sizeBand", "national"] as const;
export type PeerGroup = (typeof PEER_GROUPS)[number];
export const PEER_GROUP_LABELS: Record<PeerGroup, string> = {
  region: "Même région",
  category: "Même catégorie (national)",
  sizeBand: "Même taille d'activité (national)",
  national: "Tous les établissements (national)",
};

export type Band = "below_p20" | "p20_p50" | "p50_p80" | "above_p80";
export const BAND_LABELS: Record<Band, string> = {
  below_p20: "Parmi les 20 % les plus bas (sous le 20e centile)",
  p20_p50: "Entre le 20e centile et la médiane",
  p50_p80: "Entre la médiane et le 80e centile",
  above_p80: "Parmi les 20 % les plus hauts (au-dessus du 80e centile)",
};

export function bandOf(value: number, c: Pick<Cutpoints, "p20" | "p50" | "p80">): Band {
  if (value < c.p20) return "below_p20";
  if (value < c.p50) return "p20_p50";
  if (value < c.p80) return "p50_p80";
  return "above_p80";
}

export type PeerPosition =
  | { group: PeerGroup; shown: false; n: number; k: number }
  | {
      group: PeerGroup;
      shown: true;
      n: number;
      k: number;
      rows: { code: string; title: string; band: Band | null }[];
    };

export async function getPeerPosition(
  db: Db,
  actor: Actor,
  establishmentId: string,
  assessmentId: string,
  group: PeerGroup,
): Promise<PeerPosition> {
  const own = await db.assessment.findFirst({
    where: { AND: [{ id: assessmentId, establishmentId }, assessmentScope(actor, "comparison.peers")] },
    select: { id: true, status: true, campaignId: true },
  });
  if (!own) throw notFound("Cette évaluation");
  if (own.status === "draft")
    throw new AppError("BAD_INPUT", "La position parmi les pairs suppose une évaluation soumise.");
  // Every submitted revision of the campaign has its frozen result (this one included) from here on.
  await freezeMissingResults(db, [own.campaignId]);
  // The director's own establishment and result, in one statement (the page asks on every change of group).
  const [mine] = await db.$queryRaw<
    {
      referentialVersionId: string;
      establishment: { id: string; regionId: string; category: string; annualActivity: number | null };
      overallScore: number | null;
      domains: Record<string, number | null> | null;
    }[]
  >(Prisma.sql`
    SELECT c."referentialVersionId",
      json_build_object('id', e.id, 'regionId', e."regionId", 'category', e.category, 'annualActivity',
        e."annualActivity") AS establishment,
      r."overallScore",
      (SELECT json_object_agg(d."domainCode", d.score) FROM "SubmittedDomainScore" d
        WHERE d."assessmentId" = a.id) AS domains
    FROM "Assessment" a
    JOIN "Campaign" c ON c.id = a."campaignId"
    JOIN "Establishment" e ON e.id = a."establishmentId"
    JOIN "SubmittedResult" r ON r."assessmentId" = a.id
    WHERE a.id = ${own.id}`);
  if (!mine) throw notFound("Cette évaluation");
  const settings = await loadSettings(db);
  const e = mine.establishment;
  const band = sizeBandOf(settings.sizeBands, e.annualActivity);
  const lower = band ? (settings.sizeBands[settings.sizeBands.indexOf(band) - 1]?.maxActivity ?? 0) : null;
  const condition =
    group === "region"
      ? Prisma.sql`e."regionId" = ${e.regionId}`
      : group === "category"
        ? Prisma.sql`e.category::text = ${e.category}`
        : group === "sizeBand"
          ? band
            ? Prisma.sql`e."annualActivity" >= ${lower} AND (${band.maxActivity}::int IS NULL OR e."annualActivity" < ${band.maxActivity}::int)`
            : Prisma.sql`e."annualActivity" IS NULL AND e.id = ${e.id}`
          : Prisma.sql`true`;
  // The peers (each establishment's latest submitted revision, detail shared, and the director's
  // own), selected and aggregated in one statement: their ids never travel to the server.
  const peers = Prisma.sql`
    SELECT l.id FROM (
      SELECT DISTINCT ON (a."establishmentId") a.id, a."establishmentId", a.sharing
      FROM "Assessment" a
      WHERE a."campaignId" = ${own.campaignId} AND a.status IN ('submitted', 'superseded')
      ORDER BY a."establishmentId", a.revision DESC) l
    JOIN "Establishment" e ON e.id = l."establishmentId"
    WHERE e.disabled = false AND (l.sharing = 'detail' OR l."establishmentId" = ${e.id}) AND ${condition}
    UNION SELECT ${own.id}::text`;
  const k = settings.statisticThreshold;
  const { n, cut } = await scoreCutpoints(db, peers);
  if (n < k) return { group, shown: false, n, k };
  const content = await getVersionContent(db, mine.referentialVersionId);
  const scores = new Map(Object.entries(mine.domains ?? {}));
  const rowFor = (code: string, title: string, value: number | null | undefined) => {
    const c = cut.get(code);
    return { code, title, band: value == null || !c || c.n < k ? null : bandOf(value, c) };
  };
  return {
    group,
    shown: true,
    n,
    k,
    rows: [
      rowFor("*", "Score global", mine.overallScore),
      ...content.domains.filter((d) => scores.has(d.code)).map((d) => rowFor(d.code, d.title, scores.get(d.code))),
    ],
  };
}
