import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { establishmentScope, can, regionScope } from "@/lib/auth/scope";
import type { Db } from "@/lib/core/db";
import { notFound } from "@/lib/core/errors";
import { getGhtOrThrow } from "@/lib/ght/queries";
import { getVersionContent } from "@/lib/referentials/queries";
import { CATEGORY_LABELS } from "@/components/establishments/labels";
import { coverageRule } from "@/lib/scoring/coverage";
import type { RequirementStatus } from "@/lib/scoring/types";
import { detailRows, participationCounts, requirementCounts, scoreQuartiles } from "./aggregates";
import { type Cell, cellOf, type StatisticCell } from "./cells";
import { ghtCoverage, type GhtCoverage } from "./ght-coverage";
import { heatmapRowView, memberRowView, type HeatmapRowView, type MemberRowView } from "./member-views";
import { asGroupMember, loadMembers, type MemberFacts } from "./members";
import { comparableRequirements, movements, type Move } from "./movement";
import { freezeMissingResults } from "./results";
import { loadSettings } from "./settings-query";
import { DIMENSIONS, type Dimension, type Filter, groupRules, matches, type GroupRules } from "./small-groups";
import type { ComparisonSettings } from "./settings";
import type { TViewQuery } from "./view-query";

// The delegate's (or the GHT coordinator's) view of a campaign: every figure comes out of the
// database (lib/region/aggregates.ts) through the small-group rules (lib/region/small-groups.ts),
// over members the actor may compare (lib/auth/scope.ts, "comparison.read").

export type ViewScope = { kind: "region"; id: string } | { kind: "ght"; id: string };

// One collator for every sort of names and labels: localeCompare(…, "fr") would set one up per call.
const french = new Intl.Collator("fr");

export const categoryLabel = (c: string) => CATEGORY_LABELS[c as keyof typeof CATEGORY_LABELS] ?? c;

async function resolveScope(db: Db, actor: Actor, scope: ViewScope) {
  if (scope.kind === "region") {
    const region = await db.region.findFirst({
      where: { AND: [{ id: scope.id }, regionScope(actor, "comparison.read")] },
      select: { id: true, name: true },
    });
    if (!region) throw notFound("Cette région");
    return {
      kind: "region" as const,
      id: region.id,
      name: region.name,
      regionId: region.id,
      regionName: region.name,
      regionReachable: true,
    };
  }
  const ght = await getGhtOrThrow(db, actor, scope.id, "comparison.read");
  return {
    kind: "ght" as const,
    id: ght.id,
    name: ght.name,
    regionId: ght.region.id,
    regionName: ght.region.name,
    // A GHT coordinator has no region page: the breadcrumb does not offer a link that answers 404.
    regionReachable: can(actor, "comparison.read", { regionId: ght.region.id }),
  };
}

async function loadCampaign(db: Db, actor: Actor, campaignId: string, where: { regionId?: string; ghtId?: string }) {
  const campaign = await db.campaign.findFirst({
    where: {
      id: campaignId,
      establishments: { some: { establishment: { AND: [establishmentScope(actor, "comparison.read"), where] } } },
    },
    select: {
      id: true,
      name: true,
      year: true,
      createdAt: true,
      referentialVersion: { select: { id: true, referentialId: true, version: true, title: true } },
    },
  });
  if (!campaign) throw notFound("Cette campagne");
  return campaign;
}

/** The latest earlier campaign on the same referential, or on one the current requirements map to. */
async function previousCampaign(
  db: Db,
  actor: Actor,
  current: Awaited<ReturnType<typeof loadCampaign>>,
  mappedReferentials: readonly string[],
  where: { regionId?: string; ghtId?: string },
) {
  return db.campaign.findFirst({
    where: {
      year: { lt: current.year },
      referentialVersion: { referentialId: { in: [current.referentialVersion.referentialId, ...mappedReferentials] } },
      establishments: { some: { establishment: { AND: [establishmentScope(actor, "comparison.read"), where] } } },
    },
    orderBy: [{ year: "desc" }, { createdAt: "desc" }],
    select: {
      id: true,
      name: true,
      year: true,
      referentialVersion: { select: { id: true, referentialId: true, version: true, title: true } },
    },
  });
}

export type SortKey = string;

function sortMembers(rows: MemberRowView[], sort: string | undefined, dir: "asc" | "desc"): MemberRowView[] {
  const key = sort ?? "name";
  const value = (r: MemberRowView): string | number | null => {
    if (key.startsWith("domain:")) return r.domains.find((d) => d.code === key.slice(7))?.score ?? null;
    switch (key) {
      case "departement":
        return r.departement;
      case "ght":
        return r.ght;
      case "category":
        return r.category;
      case "sizeBand":
        return r.sizeBand;
      case "participation":
        return ["not_started", "in_progress", "submitted"].indexOf(r.participation);
      case "verdict":
        return r.eligible === null ? null : r.eligible ? 1 : 0;
      case "overall":
        return r.overall;
      default:
        return r.name;
    }
  };
  const sign = dir === "desc" ? -1 : 1;
  return [...rows].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    // Missing values (not shared, not submitted) always last, whatever the direction.
    if (va === null && vb === null) return french.compare(a.name, b.name);
    if (va === null) return 1;
    if (vb === null) return -1;
    const c = typeof va === "number" && typeof vb === "number" ? va - vb : french.compare(String(va), String(vb));
    return c === 0 ? french.compare(a.name, b.name) : sign * c;
  });
}

export type FilterOption = { value: string; label: string };

function filterOptions(members: readonly MemberFacts[], dims: readonly Dimension[]) {
  const opts = (pick: (m: MemberFacts) => FilterOption | null) => {
    const seen = new Map<string, FilterOption>();
    for (const m of members) {
      const o = pick(m);
      if (o && !seen.has(o.value)) seen.set(o.value, o);
    }
    return [...seen.values()].sort((a, b) => french.compare(a.label, b.label));
  };
  return {
    departement: opts((m) => ({ value: m.departementCode, label: `${m.departementName} (${m.departementCode})` })),
    ght: dims.includes("ght") ? opts((m) => (m.ghtId ? { value: m.ghtId, label: m.ghtName! } : null)) : [],
    category: opts((m) => ({ value: m.category, label: categoryLabel(m.category) })),
    sizeBand: opts((m) => (m.sizeBand ? { value: m.sizeBand.code, label: m.sizeBand.label } : null)),
  };
}

type Counts = { total: number; notStarted: number; inProgress: number; submitted: number; eligible: number };

function countsByCategory(rows: Awaited<ReturnType<typeof participationCounts>>) {
  const byCategory = new Map<string, Counts>();
  const total: Counts = { total: 0, notStarted: 0, inProgress: 0, submitted: 0, eligible: 0 };
  for (const r of rows) {
    const c = byCategory.get(r.category) ?? { total: 0, notStarted: 0, inProgress: 0, submitted: 0, eligible: 0 };
    for (const t of [c, total]) {
      t.total += r.n;
      if (r.participation === "not_started") t.notStarted += r.n;
      if (r.participation === "in_progress") t.inProgress += r.n;
      if (r.participation === "submitted") t.submitted += r.n;
      if (r.eligible === true) t.eligible += r.n;
    }
    byCategory.set(r.category, c);
  }
  return { total, byCategory };
}

function statisticCell(
  rules: GroupRules,
  filter: Filter,
  k: number,
  q: { n: number; q1: number; median: number; q3: number } | undefined,
): StatisticCell {
  const d = rules.statistic(filter);
  if (!d.shown) return { shown: false, n: d.n, reason: d.reason, k };
  if (!q || q.n < k) return { shown: false, n: q?.n ?? 0, reason: "small", k };
  return { shown: true, n: q.n, q1: q.q1, median: q.median, q3: q.q3 };
}

export type GapRow = {
  code: string;
  label: string;
  domain: string;
  missed: Cell; // not met or partial, over n (requirement applicable)
  metWithEvidence: number;
  metDeclared: number;
};

export async function getCampaignComparison(
  db: Db,
  actor: Actor,
  scope: ViewScope,
  campaignId: string,
  query: TViewQuery,
) {
  const place = await resolveScope(db, actor, scope);
  const where = scope.kind === "region" ? { regionId: place.id } : { ghtId: place.id };
  const campaign = await loadCampaign(db, actor, campaignId, where);
  const settings: ComparisonSettings = await loadSettings(db);
  const content = await getVersionContent(db, campaign.referentialVersion.id);
  const mapped = [...new Set(content.requirements.flatMap((r) => r.mappings.map((m) => m.referential)))];
  const previous = await previousCampaign(db, actor, campaign, mapped, where);
  await freezeMissingResults(db, previous ? [campaign.id, previous.id] : [campaign.id]);
  const asOf = new Date();

  const members = await loadMembers(db, actor, "comparison.read", campaign.id, where, settings);
  const dims: Dimension[] = scope.kind === "ght" ? DIMENSIONS.filter((d) => d !== "ght") : [...DIMENSIONS];
  const options = filterOptions(members, dims);
  // Only values that exist: a hand-written URL with another value is ignored, not an oracle.
  const filter: Filter = {};
  for (const d of dims) {
    const v = query[d];
    if (v && options[d].some((o) => o.value === v)) filter[d] = v;
  }
  const thresholds = { count: settings.countThreshold, statistic: settings.statisticThreshold };
  const rulesP = groupRules(members.map(asGroupMember), thresholds, dims);
  const shared = members.filter((m) => m.detailId);
  const rulesD = groupRules(shared.map(asGroupMember), thresholds, dims);
  const inFilter = members.filter((m) => matches(asGroupMember(m), filter));
  const detailIds = inFilter.flatMap((m) => (m.detailId ? [m.detailId] : []));

  // Participation: coverage, status and verdict counts, by the database.
  const counted = countsByCategory(
    await participationCounts(
      db,
      campaign.id,
      inFilter.map((m) => m.id),
    ),
  );
  const groupDecision = rulesP.count(filter);
  const coverage = cellOf(groupDecision, settings.countThreshold, () => counted.total.submitted);
  const byCategory = [...counted.byCategory.entries()]
    .sort(([a], [b]) => french.compare(categoryLabel(a), categoryLabel(b)))
    .map(([category, c]) => ({
      category,
      label: categoryLabel(category),
      cell: cellOf(rulesP.count({ ...filter, category }), settings.countThreshold, () => c.submitted),
    }));
  const statusCells = {
    not_started: cellOf(groupDecision, settings.countThreshold, () => counted.total.notStarted),
    in_progress: cellOf(groupDecision, settings.countThreshold, () => counted.total.inProgress),
    submitted: coverage,
  };
  const submittedN = counted.total.submitted;
  const verdictCells = groupDecision.shown
    ? {
        n: submittedN,
        eligible: { shown: true as const, n: submittedN, value: counted.total.eligible },
        notEligible: { shown: true as const, n: submittedN, value: submittedN - counted.total.eligible },
      }
    : {
        n: submittedN,
        eligible: cellOf(groupDecision, settings.countThreshold, () => 0),
        notEligible: cellOf(groupDecision, settings.countThreshold, () => 0),
      };

  // Detail: shared, submitted revisions only.
  const detailDecision = rulesD.count(filter);
  // Two GHTs side by side (region view): their quartiles come with the filter's, in one statement.
  const ghtOptions = options.ght;
  const compareIds =
    scope.kind === "region"
      ? [query.compareA ?? ghtOptions[0]?.value, query.compareB ?? ghtOptions[1]?.value].filter((id): id is string =>
          Boolean(id && ghtOptions.some((o) => o.value === id)),
        )
      : [];
  const sharedIn = (ghtId: string) => shared.flatMap((m) => (m.ghtId === ghtId && m.detailId ? [m.detailId] : []));
  const [counts, quartileSets, detail] = await Promise.all([
    requirementCounts(db, detailIds),
    scoreQuartiles(
      db,
      Object.fromEntries([["view", detailIds], ...compareIds.map((id) => [`ght:${id}`, sharedIn(id)])]),
    ),
    detailRows(db, detailIds),
  ]);
  const quartiles = quartileSets.view!;
  const domains = content.domains.filter((d) => content.requirements.some((r) => r.domain === d.code));
  const requirements = content.requirements.map((r) => ({ code: r.code, label: r.label, domain: r.domain }));
  const distribution = [
    {
      code: "*",
      title: "Score global",
      cell: statisticCell(rulesD, filter, settings.statisticThreshold, quartiles.get("*")),
    },
    ...domains.map((d) => ({
      code: d.code,
      title: d.title,
      cell: statisticCell(rulesD, filter, settings.statisticThreshold, quartiles.get(d.code)),
    })),
  ];

  const perRequirement = new Map<
    string,
    { applicable: number; missed: number; metEvidence: number; metDeclared: number; byStatus: Record<string, number> }
  >();
  for (const c of counts) {
    const r = perRequirement.get(c.code) ?? { applicable: 0, missed: 0, metEvidence: 0, metDeclared: 0, byStatus: {} };
    // Filtered to evidence-backed answers: a status declared without a proof is not counted.
    const counts = !query.evidenceOnly || c.withEvidence;
    if (c.status !== "not_applicable" && counts) r.applicable += c.n;
    if ((c.status === "not_met" || c.status === "partial") && counts) r.missed += c.n;
    if (c.status === "met" && c.withEvidence) r.metEvidence += c.n;
    if (c.status === "met" && !c.withEvidence) r.metDeclared += c.n;
    if (counts) r.byStatus[c.status] = (r.byStatus[c.status] ?? 0) + c.n;
    perRequirement.set(c.code, r);
  }
  // Hidden group: no list at all (the page shows one marker, with its reason).
  const gaps: GapRow[] = !detailDecision.shown
    ? []
    : requirements
        .map((r) => {
          const agg = perRequirement.get(r.code);
          return {
            code: r.code,
            label: r.label,
            domain: r.domain,
            missed: detailDecision.shown
              ? ({ shown: true, n: agg?.applicable ?? 0, value: agg?.missed ?? 0 } as Cell)
              : cellOf(detailDecision, settings.countThreshold, () => 0),
            metWithEvidence: detailDecision.shown ? (agg?.metEvidence ?? 0) : 0,
            metDeclared: detailDecision.shown ? (agg?.metDeclared ?? 0) : 0,
          };
        })
        .filter((g) => !g.missed.shown || g.missed.value > 0)
        .sort(
          (a, b) =>
            (b.missed.shown ? b.missed.value : 0) - (a.missed.shown ? a.missed.value : 0) ||
            a.code.localeCompare(b.code),
        )
        .slice(0, 10);

  // Movement since the previous campaign, same scope and filter.
  let movement: null | {
    previous: { id: string; name: string; year: number; referential: string };
    breakInSeries: boolean;
    comparable: number;
    total: number;
    membersBoth: number;
    decision: Cell;
    improved: Move[];
    regressed: Move[];
  } = null;
  if (previous) {
    const prevContent = await getVersionContent(db, previous.referentialVersion.id);
    const comparable = comparableRequirements(
      { referentialId: campaign.referentialVersion.referentialId, content },
      { referentialId: previous.referentialVersion.referentialId, content: prevContent },
    );
    const prevMembers = await loadMembers(db, actor, "comparison.read", previous.id, where, settings);
    const prevShared = prevMembers.filter((m) => m.detailId);
    const prevRules = groupRules(prevShared.map(asGroupMember), thresholds, dims);
    const prevIds = prevShared.filter((m) => matches(asGroupMember(m), filter)).map((m) => m.detailId!);
    const prevDecision = prevRules.count(filter);
    const both = new Set(prevShared.map((m) => m.id));
    // Shown only when both campaigns' groups pass the rules.
    const bothDecision = detailDecision.shown ? prevDecision : detailDecision;
    const moves = bothDecision.shown ? await movements(db, comparable, detailIds, prevIds) : [];
    movement = {
      previous: {
        id: previous.id,
        name: previous.name,
        year: previous.year,
        referential: `${previous.referentialVersion.title} ${previous.referentialVersion.version}`,
      },
      breakInSeries: previous.referentialVersion.id !== campaign.referentialVersion.id,
      comparable: comparable.length,
      total: content.requirements.length,
      membersBoth: inFilter.filter((m) => m.detailId && both.has(m.id)).length,
      decision: cellOf(bothDecision, settings.countThreshold, () => prevIds.length),
      improved: moves
        .filter((m) => m.delta > 0)
        .sort((a, b) => b.delta - a.delta)
        .slice(0, 5),
      regressed: moves
        .filter((m) => m.delta < 0)
        .sort((a, b) => a.delta - b.delta)
        .slice(0, 5),
    };
  }

  const compare = compareIds.map((ghtId) => {
    const g = { ght: ghtId };
    const inGht = members.filter((m) => m.ghtId === ghtId);
    const q = quartileSets[`ght:${ghtId}`]!;
    const submitted = inGht.filter((m) => m.participation === "submitted");
    return {
      id: ghtId,
      name: ghtOptions.find((o) => o.value === ghtId)!.label,
      coverage: cellOf(rulesP.count(g), settings.countThreshold, () => submitted.length),
      eligible: cellOf(rulesP.count(g), settings.countThreshold, () => submitted.filter((m) => m.eligible).length),
      overall: statisticCell(rulesD, g, settings.statisticThreshold, q.get("*")),
      domains: domains.map((d) => ({
        code: d.code,
        title: d.title,
        cell: statisticCell(rulesD, g, settings.statisticThreshold, q.get(d.code)),
      })),
    };
  });

  // CaRE D2 coverage (GHT view, when the referential has a coverage rule).
  const rule = coverageRule(content);
  const d2: GhtCoverage | null =
    scope.kind === "ght" && rule
      ? ghtCoverage(
          members.map((m) => ({
            id: m.id,
            name: m.name,
            activity: m.activity,
            meetsObjective: m.coverageObjectiveMet,
            viewerSeesDetail: Boolean(m.detailId),
          })),
          rule.minShare,
          settings.dominanceShare,
        )
      : null;

  const domainCodes = domains.map((d) => d.code);
  const rows = sortMembers(
    inFilter.map((m) => memberRowView(m, domainCodes, detail, categoryLabel)),
    query.sort,
    query.dir,
  );
  const order = new Map(rows.map((r, i) => [r.id, i]));
  const heatmap: HeatmapRowView[] = inFilter
    .map((m) =>
      heatmapRowView(
        m,
        requirements.map((r) => r.code),
        detail,
        query.evidenceOnly,
      ),
    )
    .sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  const ghts = scope.kind === "region" ? ghtOptions : [];

  return {
    place,
    campaign: {
      id: campaign.id,
      name: campaign.name,
      year: campaign.year,
      referential: `${campaign.referentialVersion.title} ${campaign.referentialVersion.version}`,
    },
    asOf,
    settings,
    filter,
    evidenceOnly: query.evidenceOnly,
    options,
    dims,
    coverage: {
      cell: coverage,
      members: inFilter.length,
      warning: coverage.shown && coverage.n > 0 && coverage.value / coverage.n < settings.coverageWarningShare,
      byCategory,
    },
    statusCells,
    verdictCells,
    detailShared: cellOf(groupDecision, settings.countThreshold, () => detailIds.length),
    detailCell: cellOf(detailDecision, settings.countThreshold, () => detailIds.length),
    domains: domains.map((d) => ({ code: d.code, title: d.title })),
    requirements,
    distribution,
    gaps,
    movement,
    compare,
    ghts,
    d2,
    rows,
    heatmap,
    statusOrder: ["met", "partial", "not_met", "unknown", "not_applicable"] as RequirementStatus[],
  };
}

export type CampaignComparison = Awaited<ReturnType<typeof getCampaignComparison>>;
