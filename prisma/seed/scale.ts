import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/generated/prisma/client";
import type { TReferentialFile } from "@/lib/referentials/schemas";
import { syncShippedReferentials } from "@/lib/referentials/store";
import { seedPlaces } from "./seed";

// A synthetic nation for the regional comparison's scale (`npm run seed:scale`, `npm run bench region`):
// establishments across the 18 regions (weighted by their number of départements), their GHTs, one
// campaign on a 60-requirement synthetic referential (the HOP'EN base's domains and requirements,
// cloned), and per establishment a realistic mix: not started, draft, submitted; participation or
// detail shared; answers with gaps that vary by establishment; evidence on part of the answers.
// Rows go in by multi-row INSERTs (thousands per statement), not one Prisma call per row.
//
// The frozen results (SubmittedResult and its rows, lib/region/results.ts) are derived here from
// the synthetic answers with a simplified rule (yes / percentage at target = met, no = not met,
// "je ne sais pas" = unknown; domain score = share met; eligible = every blocking one met), not
// by lib/scoring: the figures are for load, not for any verdict shown to a user.

export type Query = (sql: string, params?: unknown[]) => Promise<unknown>;
export type ScaleOptions = { establishments: number; answers: number; seed?: number; tag?: string };

const CATEGORIES = [
  ["CHU", 0.02],
  ["CH", 0.3],
  ["EPSM", 0.06],
  ["SMR", 0.3],
  ["OTHER", 0.32],
] as const;

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Multi-row INSERTs, chunked under PostgreSQL's 65,535 bind parameters. */
export async function insertRows(query: Query, table: string, columns: string[], rows: unknown[][]) {
  const per = Math.max(1, Math.floor(60_000 / columns.length));
  const cols = columns.map((c) => `"${c}"`).join(", ");
  for (let i = 0; i < rows.length; i += per) {
    const chunk = rows.slice(i, i + per);
    const params: unknown[] = [];
    const values = chunk.map((r) => `(${r.map((v) => (params.push(v), `$${params.length}`)).join(", ")})`);
    await query(`INSERT INTO "${table}" (${cols}) VALUES ${values.join(", ")}`, params);
  }
}

/** The HOP'EN base's content with its requirements cloned up to `size` (copies non-blocking, not computed). */
function syntheticReferential(base: TReferentialFile, size: number): TReferentialFile {
  const requirements = [...base.requirements];
  for (let i = 0; requirements.length < size; i++) {
    const r = base.requirements[i % base.requirements.length]!;
    const answer = r.answer.type === "percentage" ? { ...r.answer, computedFrom: undefined } : r.answer;
    requirements.push({
      ...r,
      code: `${r.code}.s${Math.floor(i / base.requirements.length) + 1}`,
      blocking: false,
      answer,
      mappings: [],
    } as typeof r);
  }
  return { ...base, id: "scale-synthetic", version: "1.0", title: "Référentiel synthétique (échelle)", requirements };
}

export async function seedScale(db: PrismaClient, query: Query, opts: ScaleOptions) {
  const random = rng(opts.seed ?? 20261205);
  const tag = opts.tag ?? "S";
  await seedPlaces(db);
  await syncShippedReferentials(db, { log: () => {} });
  const baseRow = await db.referentialVersion.findFirstOrThrow({
    where: { referentialId: "hopen-socle" },
    orderBy: { loadedAt: "desc" },
  });
  const content = syntheticReferential(baseRow.content as unknown as TReferentialFile, opts.answers);
  await db.referential.upsert({
    where: { id: "scale-synthetic" },
    create: { id: "scale-synthetic", title: "Référentiel synthétique (échelle)", programme: "HOPEN" },
    update: {},
  });
  const version = await db.referentialVersion.upsert({
    where: { referentialId_version: { referentialId: "scale-synthetic", version: `1.0-${opts.answers}` } },
    create: {
      referentialId: "scale-synthetic",
      version: `1.0-${opts.answers}`,
      title: "Référentiel synthétique (échelle)",
      content: content as never,
      contentHash: `synthetic-${opts.answers}`,
    },
    update: {},
  });
  const regions = await db.region.findMany({ include: { departements: true }, orderBy: { code: "asc" } });
  const departements = regions.flatMap((r) => r.departements.map((d) => ({ ...d, regionId: r.id })));

  // Establishments, spread over départements (so regions weigh by their size), grouped into GHTs
  // of about 20 members within a département; a few stay outside any GHT.
  const establishments: { id: string; regionId: string; departementCode: string; category: string }[] = [];
  const ghts: unknown[][] = [];
  const estRows: unknown[][] = [];
  const now = new Date();
  for (let i = 0; i < opts.establishments; i++) {
    const d = departements[i % departements.length]!;
    const x = random();
    let acc = 0;
    const category = CATEGORIES.find(([, w]) => (acc += w) >= x)?.[0] ?? "OTHER";
    const id = randomUUID();
    const activity = random() < 0.08 ? null : Math.round(Math.exp(7 + random() * 4.5));
    establishments.push({ id, regionId: d.regionId, departementCode: d.code, category });
    estRows.push([
      id,
      `${tag}${String(i).padStart(8, "0")}`,
      `Établissement ${tag}-${i + 1} (${d.name})`,
      category,
      d.code,
      d.regionId,
      null,
      activity,
      false,
      now,
      now,
    ]);
  }
  const byDep = new Map<string, number[]>();
  establishments.forEach((e, i) => byDep.set(e.departementCode, [...(byDep.get(e.departementCode) ?? []), i]));
  for (const [code, members] of byDep) {
    const groups = Math.max(1, Math.round(members.length / 20));
    for (let g = 0; g < groups; g++) {
      const id = randomUUID();
      const dep = departements.find((d) => d.code === code)!;
      ghts.push([id, `GHT ${tag} ${dep.name} ${g + 1}`, dep.regionId, null, now, now]);
      members.forEach((m, j) => {
        if (j % groups === g && random() > 0.05) estRows[m]![6] = id;
      });
    }
  }
  await insertRows(query, "Ght", ["id", "name", "regionId", "supportEstablishmentId", "createdAt", "updatedAt"], ghts);
  await insertRows(
    query,
    "Establishment",
    [
      "id",
      "finess",
      "name",
      "category",
      "departementCode",
      "regionId",
      "ghtId",
      "annualActivity",
      "disabled",
      "createdAt",
      "updatedAt",
    ],
    estRows,
  );

  const campaignId = randomUUID();
  await insertRows(
    query,
    "Campaign",
    ["id", "name", "year", "referentialVersionId", "opensOn", "closesOn", "createdAt"],
    [[campaignId, `Campagne synthétique ${tag}`, 2026, version.id, now, now, now]],
  );
  await insertRows(
    query,
    "CampaignEstablishment",
    ["campaignId", "establishmentId"],
    establishments.map((e) => [campaignId, e.id]),
  );

  // Per establishment: 15 % not started, 25 % draft, 60 % submitted; 65 % of the submitted share detail.
  const assessments: unknown[][] = [];
  const answers: unknown[][] = [];
  const results: unknown[][] = [];
  const domainScores: unknown[][] = [];
  const reqRows: unknown[][] = [];
  const domains = content.domains.map((d) => d.code);
  for (const e of establishments) {
    const x = random();
    if (x < 0.15) continue;
    const submitted = x >= 0.4;
    const id = randomUUID();
    const sharing = random() < (submitted ? 0.65 : 0.3) ? "detail" : "participation";
    assessments.push([
      id,
      e.id,
      campaignId,
      1,
      submitted ? "submitted" : "draft",
      "{}",
      sharing,
      submitted ? now : null,
      1,
      now,
      now,
    ]);
    const maturity = 0.45 + random() * 0.5; // how far this establishment is
    const proofRate = random() * 0.8;
    const met = new Map<string, number>();
    const total = new Map<string, number>();
    let blockingMissed = false;
    for (const r of content.requirements) {
      const y = random();
      const kind = y < 0.04 ? "unknown" : "value";
      const ok = kind === "value" && random() < maturity;
      const value =
        kind === "unknown"
          ? null
          : r.answer.type === "percentage"
            ? ok
              ? 95
              : Math.round(random() * 70)
            : ok
              ? "yes"
              : "no";
      answers.push([randomUUID(), id, r.code, kind, value === null ? null : JSON.stringify(value), false, 1, now]);
      if (!submitted) continue;
      const status =
        kind === "unknown"
          ? "unknown"
          : ok
            ? "met"
            : r.answer.type === "percentage" && random() < 0.4
              ? "partial"
              : "not_met";
      if (r.blocking && status !== "met") blockingMissed = true;
      total.set(r.domain, (total.get(r.domain) ?? 0) + 1);
      if (status === "met") met.set(r.domain, (met.get(r.domain) ?? 0) + 1);
      reqRows.push([id, r.code, r.domain, status, status === "met" && random() < proofRate]);
    }
    if (!submitted) continue;
    let sum = 0;
    let n = 0;
    for (const d of domains) {
      if (!total.has(d)) continue;
      const score = Math.round((100 * (met.get(d) ?? 0)) / total.get(d)!);
      domainScores.push([id, d, score]);
      sum += score;
      n++;
    }
    results.push([id, n ? Math.round(sum / n) : null, !blockingMissed, null, now]);
  }
  await insertRows(
    query,
    "Assessment",
    [
      "id",
      "establishmentId",
      "campaignId",
      "revision",
      "status",
      "options",
      "sharing",
      "submittedAt",
      "version",
      "createdAt",
      "updatedAt",
    ],
    assessments,
  );
  await insertRows(
    query,
    "Answer",
    ["id", "assessmentId", "requirementCode", "kind", "value", "needsConfirmation", "version", "updatedAt"],
    answers,
  );
  await insertRows(
    query,
    "SubmittedResult",
    ["assessmentId", "overallScore", "eligible", "coverageObjectiveMet", "computedAt"],
    results,
  );
  await insertRows(query, "SubmittedDomainScore", ["assessmentId", "domainCode", "score"], domainScores);
  await insertRows(
    query,
    "SubmittedRequirement",
    ["assessmentId", "requirementCode", "domainCode", "status", "withEvidence"],
    reqRows,
  );
  await query("ANALYZE");
  return {
    campaignId,
    establishments: establishments.length,
    ghts: ghts.length,
    assessments: assessments.length,
    answers: answers.length,
    submitted: results.length,
  };
}
