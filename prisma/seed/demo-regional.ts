import { createHash } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { PrismaClient } from "@/generated/prisma/client";
import type { EstablishmentCategory } from "@/generated/prisma/enums";
import { env } from "@/lib/core/env";
import { withFinessKey } from "@/lib/establishments/finess";
import type { TReferentialFile } from "@/lib/referentials/schemas";
import { DEMO_GHT_LABEL, DEMO_GHTS } from "./demo-data";

// The regional comparison's demo (issue 12): enough submitted assessments in Bretagne for every
// chart to show, in two HOP'EN campaigns so that movement shows. Ten more Breton public hospitals
// (fictitious FINESS, serials 8x so they never meet the main demo's), every Breton member in both
// campaigns, and for each a participation: not started, in progress, submitted (participation
// only), or submitted with its detail shared. Filtering the region on the EPSM category (two
// members) shows the small-group rule; Finistère shows counts but hides medians (fewer than 10).
// Results are frozen from these rows the first time a comparison is read (lib/region/results.ts).
// Every public establishment belongs to a GHT (law of 2016): each added hospital joins the GHT of
// its territory (the support establishment is the GHT's `supportEstablishmentId`); the Pontivy
// territory's GHT is added here with a visible demo label (its public name was not checked). Each
// submission is made by a fictitious director of its establishment (no password: the account
// cannot sign in), who may seal it: the server seals the demo's dossiers at start, so they verify.

const FLAG = "demo.regional";

type Extra = {
  key: string;
  name: string;
  category: EstablishmentCategory;
  departement: string;
  activity: number;
  /** The GHT of its territory: a name of DEMO_GHTS, or the Pontivy GHT added here. */
  ght: string;
};

/** The Pontivy territory's GHT, supported by the CH du Centre-Bretagne (name not checked: demo label). */
export const PONTIVY_GHT = `GHT territoire de Pontivy ${DEMO_GHT_LABEL}`;
const ght = (key: (typeof DEMO_GHTS)[number]["key"]) => DEMO_GHTS.find((g) => g.key === key)!.name;

// Two of them carry invented names on purpose: Quimperlé's hospital merged into the GHBS (2018) and
// Carhaix's into the CHRU of Brest (Brest-Carhaix), so neither is a legal entity of its own any more.
const EXTRA: Extra[] = [
  {
    key: "morlaix",
    name: "CH des Pays de Morlaix",
    category: "CH",
    departement: "29",
    activity: 38_000,
    ght: ght("bretagne-occidentale"),
  },
  {
    key: "landerneau",
    name: "CH de Landerneau",
    category: "CH",
    departement: "29",
    activity: 16_000,
    ght: ght("bretagne-occidentale"),
  },
  {
    key: "arree",
    name: "CH des Monts d'Arrée (établissement fictif)",
    category: "CH",
    departement: "29",
    activity: 8_500,
    ght: ght("bretagne-occidentale"),
  },
  {
    key: "lesneven",
    name: "CH de Lesneven",
    category: "CH",
    departement: "29",
    activity: 3_000,
    ght: ght("bretagne-occidentale"),
  },
  {
    key: "aven",
    name: "CH de l'Aven (établissement fictif)",
    category: "CH",
    departement: "29",
    activity: 7_000,
    ght: ght("sud-bretagne"),
  },
  {
    key: "fougeres",
    name: "CH de Fougères",
    category: "CH",
    departement: "35",
    activity: 24_000,
    ght: ght("haute-bretagne"),
  },
  {
    key: "vitre",
    name: "CH de Vitré",
    category: "CH",
    departement: "35",
    activity: 15_000,
    ght: ght("haute-bretagne"),
  },
  {
    key: "redon",
    name: "CH de Redon-Carentoir",
    category: "CH",
    departement: "35",
    activity: 14_000,
    ght: ght("haute-bretagne"),
  },
  {
    key: "pontivy",
    name: "CH du Centre-Bretagne (Pontivy)",
    category: "CH",
    departement: "56",
    activity: 33_000,
    ght: PONTIVY_GHT,
  },
  {
    key: "ploermel",
    name: "CH de Ploërmel",
    category: "CH",
    departement: "56",
    activity: 9_000,
    ght: ght("broceliande"),
  },
  {
    key: "epsm-morbihan",
    name: "EPSM du Morbihan (Saint-Avé)",
    category: "EPSM",
    departement: "56",
    activity: 6_000,
    ght: ght("broceliande"),
  },
];

type Plan = {
  /** Prefix of the establishment's name. */
  name: string;
  now: "not_started" | "in_progress" | "participation" | "detail";
  /** Requirements not met this year / the previous year (null: no previous assessment). */
  gaps: string[];
  before: string[] | null;
  /** Requirements answered "je ne sais pas". */
  unknown?: string[];
  /** Met answers with a proof attached: all, some (every other one) or none. */
  proofs: "all" | "some" | "none";
};

const PLANS: Plan[] = [
  { name: "CH de Saint-Brieuc", now: "detail", gaps: ["P2.6"], before: ["P2.1", "P2.6", "P3.2"], proofs: "all" },
  { name: "CH de Guingamp", now: "detail", gaps: ["P2.1", "P2.6"], before: ["P2.1", "P2.4", "P2.6"], proofs: "some" },
  { name: "CH de Lannion", now: "detail", gaps: ["P2.4"], before: ["P2.1", "P2.4", "P4.2"], proofs: "some" },
  { name: "CH de Paimpol", now: "detail", gaps: ["P2.1", "P2.4", "P1.3"], before: ["P2.1", "P2.4"], proofs: "none" },
  {
    name: "CH de Tréguier",
    now: "detail",
    gaps: ["P2.1", "P2.4", "P2.6"],
    before: ["P2.1", "P2.4", "P2.6", "P3.3"],
    unknown: ["P2.2"],
    proofs: "none",
  },
  { name: "CHU de Brest", now: "detail", gaps: [], before: ["P2.6"], proofs: "all" },
  { name: "CH des Pays de Morlaix", now: "detail", gaps: ["P2.6"], before: ["P2.1", "P2.6"], proofs: "all" },
  { name: "CH de Landerneau", now: "detail", gaps: ["P2.1", "P1.3"], before: ["P2.1", "P1.3", "P2.4"], proofs: "some" },
  {
    name: "CH des Monts d'Arrée (établissement fictif)",
    now: "detail",
    gaps: ["P2.1", "P2.4", "P2.6"],
    before: null,
    proofs: "some",
  },
  {
    name: "CH de Lesneven",
    now: "detail",
    gaps: ["P2.1", "P2.4", "P2.6", "P3.2"],
    before: null,
    unknown: ["P2.2"],
    proofs: "none",
  },
  { name: "CH de Douarnenez", now: "detail", gaps: ["P2.1"], before: ["P2.1", "P2.6"], proofs: "some" },
  {
    name: "EPSM du Finistère Sud",
    now: "detail",
    gaps: ["P2.6", "P4.1"],
    before: ["P2.6", "P4.1", "P1.3"],
    proofs: "some",
  },
  { name: "Hôtel-Dieu de Pont-l'Abbé", now: "detail", gaps: ["P2.1", "P2.6"], before: ["P2.1"], proofs: "none" },
  {
    name: "CH de l'Aven (établissement fictif)",
    now: "participation",
    gaps: ["P2.1", "P2.4"],
    before: null,
    proofs: "none",
  },
  { name: "CHU de Rennes", now: "detail", gaps: [], before: ["P2.1"], proofs: "all" },
  { name: "CH de Saint-Malo", now: "detail", gaps: ["P2.6"], before: ["P2.6", "P2.1"], proofs: "all" },
  { name: "CH de Fougères", now: "detail", gaps: ["P2.1", "P2.4"], before: ["P2.1", "P2.4", "P2.6"], proofs: "some" },
  { name: "CH de Vitré", now: "in_progress", gaps: ["P2.1"], before: null, proofs: "none" },
  { name: "CH de Redon", now: "not_started", gaps: [], before: null, proofs: "none" },
  { name: "CH Bretagne Atlantique", now: "detail", gaps: ["P2.6"], before: ["P2.6", "P2.4"], proofs: "all" },
  { name: "CH du Centre-Bretagne", now: "detail", gaps: ["P2.1", "P3.2"], before: ["P2.1"], proofs: "some" },
  { name: "CH de Ploërmel", now: "participation", gaps: ["P2.1", "P2.6"], before: null, proofs: "none" },
  { name: "EPSM du Morbihan", now: "not_started", gaps: [], before: null, proofs: "none" },
];

function value(referential: TReferentialFile, code: string, gaps: ReadonlySet<string>) {
  const r = referential.requirements.find((x) => x.code === code)!;
  const spec = r.answer;
  if (spec.type === "percentage") {
    // Met answers meet the target (the QHN condition asks for 100 % of the applications concerned).
    const percent = gaps.has(code) ? 62 : Math.max(96, spec.target);
    return spec.computedFrom ? { percent, numerator: percent, denominator: 100 } : percent;
  }
  if (spec.type === "number") return gaps.has(code) ? 0 : 100;
  if (spec.type === "choice") return spec.options[0]!.value;
  return gaps.has(code) ? "no" : "yes";
}

async function proofFile(db: PrismaClient, establishmentId: string, uploadedById: string, code: string) {
  const bytes = Buffer.from(`Pièce de démonstration pour l'exigence ${code}.\n`, "utf8");
  const sha256 = createHash("sha256").update(bytes).update(establishmentId).digest("hex");
  const storageKey = `${establishmentId}/${sha256.slice(0, 2)}/${sha256}`;
  const known = await db.evidence.findUnique({ where: { storageKey } });
  if (known) return known; // the same proof, linked again the next year
  const full = path.join(env.evidenceDir, ...storageKey.split("/"));
  await mkdir(path.dirname(full), { recursive: true });
  await writeFile(full, bytes);
  return db.evidence.create({
    data: {
      establishmentId,
      fileName: `piece-${code.replace(/\W/g, "-")}.txt`,
      mimeType: "text/plain",
      size: bytes.length,
      sha256,
      storageKey,
      uploadedById,
    },
  });
}

async function assess(
  db: PrismaClient,
  input: {
    establishmentId: string;
    campaignId: string;
    referential: TReferentialFile;
    gaps: string[];
    unknown: string[];
    status: "draft" | "submitted";
    sharing: "participation" | "detail";
    submittedAt: Date | null;
    proofs: Plan["proofs"];
    byId: string;
    partial?: boolean;
  },
) {
  const gaps = new Set(input.gaps);
  const codes = input.referential.requirements.map((r) => r.code);
  const answered = input.partial ? codes.slice(0, Math.ceil(codes.length / 2)) : codes;
  const assessment = await db.assessment.create({
    data: {
      establishmentId: input.establishmentId,
      campaignId: input.campaignId,
      status: input.status,
      sharing: input.sharing,
      submittedAt: input.submittedAt,
      submittedById: input.submittedAt ? input.byId : null,
      attestation: input.submittedAt
        ? {
            name: "Direction (démonstration)",
            title: "Directeur ou directrice",
            date: input.submittedAt.toISOString().slice(0, 10),
            statement: "Attestation de démonstration.",
          }
        : undefined,
      answers: {
        create: answered.map((code) =>
          input.unknown.includes(code)
            ? { requirementCode: code, kind: "unknown" as const, answeredById: null }
            : {
                requirementCode: code,
                kind: "value" as const,
                value: value(input.referential, code, gaps),
                answeredById: null,
              },
        ),
      },
    },
  });
  const met = answered.filter((c) => !gaps.has(c) && !input.unknown.includes(c));
  const proved = input.proofs === "all" ? met : input.proofs === "some" ? met.filter((_, i) => i % 2 === 0) : [];
  for (const code of proved) {
    const evidence = await proofFile(db, input.establishmentId, input.byId, code);
    await db.evidenceLink.create({
      data: { evidenceId: evidence.id, assessmentId: assessment.id, requirementCode: code, linkedById: input.byId },
    });
  }
}

/** Puts each added hospital in its territory's GHT, creating the Pontivy one (its support: Pontivy). */
async function joinGhts(db: PrismaClient, regionId: string, extraIds: Map<string, string>) {
  const pontivy = extraIds.get("pontivy")!;
  const found = await db.ght.findFirst({ where: { OR: [{ name: PONTIVY_GHT }, { supportEstablishmentId: pontivy }] } });
  if (!found) await db.ght.create({ data: { name: PONTIVY_GHT, regionId, supportEstablishmentId: pontivy } });
  const ghtIds = new Map((await db.ght.findMany({ select: { id: true, name: true } })).map((g) => [g.name, g.id]));
  for (const e of EXTRA) {
    const ghtId = ghtIds.get(e.ght);
    if (ghtId) await db.establishment.update({ where: { id: extraIds.get(e.key)! }, data: { ghtId } });
  }
}

/**
 * A fictitious director per member, who submits its demo assessments and may therefore seal them:
 * no password (cannot sign in), a visibly fictitious name. Existing directors of the main demo
 * (GHBS, Quimper) are used as they are.
 */
async function demoDirectors(db: PrismaClient, members: { id: string; name: string; finess: string }[]) {
  const directors = new Map<string, string>();
  for (const m of members) {
    const existing = await db.membership.findFirst({
      where: { role: "director", establishmentId: m.id, user: { disabled: false } },
      orderBy: { createdAt: "asc" },
      select: { userId: true },
    });
    if (existing) {
      directors.set(m.id, existing.userId);
      continue;
    }
    const user = await db.user.upsert({
      where: { email: `direction.${m.finess}@demo.socle.fr` },
      create: {
        email: `direction.${m.finess}@demo.socle.fr`,
        name: `Direction fictive — ${m.name}`,
        title: "Directeur ou directrice (démonstration)",
        passwordHash: null,
        isDemo: true,
      },
      update: {},
    });
    await db.membership.create({ data: { userId: user.id, role: "director", establishmentId: m.id } });
    directors.set(m.id, user.id);
  }
  return directors;
}

export async function seedDemoRegional(db: PrismaClient): Promise<void> {
  if (await db.setting.findUnique({ where: { key: FLAG } })) return;
  const bretagne = await db.region.findUnique({ where: { code: "53" } });
  const campaigns = await db.campaign.findMany({
    where: { referentialVersion: { referentialId: "hopen-socle" } },
    orderBy: [{ year: "desc" }, { createdAt: "desc" }],
    select: { id: true, year: true, referentialVersion: { select: { content: true } } },
  });
  const admin = await db.user.findFirst({ where: { email: "admin@demo.socle.fr" } });
  if (!bretagne || campaigns.length < 2 || !admin) return; // the main demo is not there: nothing to add to
  const [current, previous] = [campaigns[0]!, campaigns[1]!];

  const departements = new Map((await db.departement.findMany()).map((d) => [d.code, d.regionId]));
  const extraIds = new Map<string, string>();
  for (const [i, e] of EXTRA.entries()) {
    const finess = withFinessKey(`${e.departement}0999${80 + i}`);
    const row = await db.establishment.upsert({
      where: { finess },
      create: {
        finess,
        name: e.name,
        category: e.category,
        departementCode: e.departement,
        regionId: departements.get(e.departement)!,
        annualActivity: e.activity,
      },
      update: {},
    });
    extraIds.set(e.key, row.id);
  }
  await joinGhts(db, bretagne.id, extraIds);
  const members = await db.establishment.findMany({
    where: { regionId: bretagne.id },
    select: { id: true, name: true, finess: true },
  });
  for (const c of [current, previous])
    await db.campaignEstablishment.createMany({
      data: members.map((m) => ({ campaignId: c.id, establishmentId: m.id })),
      skipDuplicates: true,
    });

  const existing = new Set(
    (
      await db.assessment.findMany({
        where: { campaignId: { in: [current.id, previous.id] } },
        select: { establishmentId: true, campaignId: true },
      })
    ).map((a) => `${a.establishmentId}:${a.campaignId}`),
  );
  const directors = await demoDirectors(db, members);
  const refNow = current.referentialVersion.content as unknown as TReferentialFile;
  const refBefore = previous.referentialVersion.content as unknown as TReferentialFile;
  for (const plan of PLANS) {
    const member = members.find((m) => m.name.startsWith(plan.name));
    if (!member) continue;
    if (plan.before && !existing.has(`${member.id}:${previous.id}`)) {
      await assess(db, {
        establishmentId: member.id,
        campaignId: previous.id,
        referential: refBefore,
        gaps: plan.before,
        unknown: [],
        status: "submitted",
        sharing: "detail",
        submittedAt: new Date(`${previous.year}-06-20T09:00:00Z`),
        proofs: plan.proofs === "all" ? "some" : "none",
        byId: directors.get(member.id)!,
      });
    }
    if (plan.now === "not_started" || existing.has(`${member.id}:${current.id}`)) continue;
    const submitted = plan.now === "detail" || plan.now === "participation";
    await assess(db, {
      establishmentId: member.id,
      campaignId: current.id,
      referential: refNow,
      gaps: plan.gaps,
      unknown: plan.unknown ?? [],
      status: submitted ? "submitted" : "draft",
      sharing: plan.now === "participation" || !submitted ? "participation" : "detail",
      submittedAt: submitted ? new Date(`${current.year}-05-${10 + (PLANS.indexOf(plan) % 18)}T09:00:00Z`) : null,
      proofs: plan.proofs,
      byId: directors.get(member.id)!,
      partial: !submitted,
    });
  }
  await db.setting.create({ data: { key: FLAG, value: new Date().toISOString() } });
}
