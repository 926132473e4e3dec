import "server-only";
import { env } from "@/lib/core/env";
import { getAssessmentOrThrow, type LoadedAssessment } from "@/lib/assessments/access";
import { loadAnswers } from "@/lib/assessments/answers";
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/core/db";
import { fundingAtStake, usageFunding, type UsageDomainInput } from "@/lib/funding/compute";
import { loadFundingInputs } from "@/lib/funding/queries";
import { scoreAssessment } from "@/lib/scoring";
import { loadCoverage } from "@/lib/scoring/coverage-query";
import { provisionalReason } from "@/lib/scoring/eligibility";
import { loadPrerequisiteGate } from "@/lib/scoring/prerequisites-query";
import { PROGRAMME_LABELS } from "./format";
import type {
  DossierAction,
  DossierAnnex,
  DossierAttestation,
  DossierDomain,
  DossierFunding,
  DossierPayload,
} from "./types";

// Gathers everything the dossier shows, after the scope check, as plain data. The PDF documents
// draw this payload and read nothing else; the evidence bundle uses the same annex list, so the
// references "A1, A2…" in the tables, the annex and the ZIP agree.

export type BuildOptions = {
  /** Funding at stake; computed from the campaign's funding assumptions when left undefined. */
  funding?: DossierFunding | null;
};

/** Active evidence links, with their file, in the order annex references are given. */
export async function loadLinkedEvidence(db: Db, assessmentId: string) {
  return db.evidenceLink.findMany({
    where: { assessmentId, removedAt: null },
    orderBy: [{ linkedAt: "asc" }, { id: "asc" }],
    select: {
      requirementCode: true,
      evidence: {
        select: {
          id: true,
          fileName: true,
          mimeType: true,
          size: true,
          sha256: true,
          storageKey: true,
          uploadedAt: true,
        },
      },
    },
  });
}

export type LinkedEvidence = Awaited<ReturnType<typeof loadLinkedEvidence>>;

/**
 * One annex entry per file (a file linked to three requirements is one annex), numbered in the
 * order of the referential's requirements, then of linking.
 */
export function annexesOf(
  links: LinkedEvidence,
  requirementOrder: readonly string[],
): { annexes: DossierAnnex[]; byEvidenceId: Map<string, DossierAnnex> } {
  const rank = new Map(requirementOrder.map((code, i) => [code, i]));
  const sorted = links
    .map((l, i) => ({ l, i }))
    .sort(
      (a, b) => (rank.get(a.l.requirementCode) ?? Infinity) - (rank.get(b.l.requirementCode) ?? Infinity) || a.i - b.i,
    )
    .map(({ l }) => l);
  const byEvidenceId = new Map<string, DossierAnnex>();
  const annexes: DossierAnnex[] = [];
  for (const link of sorted) {
    let annex = byEvidenceId.get(link.evidence.id);
    if (!annex) {
      annex = {
        ref: `A${annexes.length + 1}`,
        fileName: link.evidence.fileName,
        mimeType: link.evidence.mimeType,
        size: link.evidence.size,
        uploadedAt: link.evidence.uploadedAt.toISOString(),
        sha256: link.evidence.sha256,
        requirementCodes: [],
      };
      byEvidenceId.set(link.evidence.id, annex);
      annexes.push(annex);
    }
    if (!annex.requirementCodes.includes(link.requirementCode)) annex.requirementCodes.push(link.requirementCode);
  }
  return { annexes, byEvidenceId };
}

function attestationOf(value: unknown): DossierAttestation | null {
  if (!value || typeof value !== "object") return null;
  const a = value as Record<string, unknown>;
  const text = (k: string) => (typeof a[k] === "string" ? (a[k] as string) : "");
  if (!text("name")) return null;
  return { name: text("name"), title: text("title"), date: text("date"), statement: text("statement") };
}

function fundingOf(
  inputs: Awaited<ReturnType<typeof loadFundingInputs>>,
  blockingMissing: readonly { code: string; domain: string }[],
  usageDomains: readonly UsageDomainInput[],
): DossierFunding | null {
  if (!inputs) return null;
  // HOP'EN usage is paid per domain: each domain applied for gets its own figure, then the total.
  if (usageDomains.length) {
    const usage = usageFunding(inputs, usageDomains);
    if (!usage) return null;
    return {
      amount: usage.total,
      assumption: "",
      isExample: usage.isExample,
      usage: {
        domains: usage.domains.map((d) => ({ ...d })),
        total: usage.total,
        held: usage.held,
        unassigned: usage.unassigned,
      },
    };
  }
  const result = fundingAtStake({ ...inputs, blockingMissing });
  if (!result) return null;
  return {
    amount: result.amount,
    assumption: result.assumption,
    rule: result.rule,
    isExample: result.isExample,
    perRequirement: result.perRequirement,
  };
}

/** The payload of an assessment already loaded through the scope check. */
export async function payloadFor(
  db: Db,
  assessment: LoadedAssessment,
  options: BuildOptions = {},
): Promise<DossierPayload> {
  const [establishment, answers, links, actionRows, fundingInputs] = await Promise.all([
    db.establishment.findUniqueOrThrow({
      where: { id: assessment.establishmentId },
      select: { name: true, finess: true, ght: { select: { name: true } }, region: { select: { name: true } } },
    }),
    loadAnswers(db, assessment.id),
    loadLinkedEvidence(db, assessment.id),
    db.action.findMany({
      where: { assessmentId: assessment.id },
      orderBy: [{ dueOn: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }, { id: "asc" }],
      select: { title: true, ownerId: true, dueOn: true, status: true, requirementCode: true },
    }),
    options.funding === undefined ? loadFundingInputs(db, assessment) : null,
  ]);
  const referential = assessment.referential;
  const coverage = await loadCoverage(db, {
    campaignId: assessment.campaignId,
    establishmentId: assessment.establishmentId,
    ghtId: assessment.establishment.ghtId,
    referential,
    options: assessment.options,
    answers,
    siteCoverage: assessment.siteCoverage,
  });
  const prerequisites = await loadPrerequisiteGate(db, null, {
    establishmentId: assessment.establishmentId,
    year: assessment.campaign.year,
    referential,
  });
  const score = scoreAssessment({ referential, answers, options: assessment.options, coverage, prerequisites });

  const { annexes, byEvidenceId } = annexesOf(
    links,
    referential.requirements.map((r) => r.code),
  );
  const evidenceByCode = new Map<string, DossierAnnex[]>();
  for (const link of links) {
    const annex = byEvidenceId.get(link.evidence.id)!;
    const list = evidenceByCode.get(link.requirementCode) ?? [];
    if (!list.includes(annex)) list.push(annex);
    evidenceByCode.set(link.requirementCode, list);
  }

  const domains: DossierDomain[] = score.domains.map((d) => ({
    code: d.code,
    title: d.title,
    score: d.score,
    counts: { ...d.counts },
    requirements: score.requirements
      .filter((r) => r.domain === d.code)
      .map((r) => {
        const answer = answers.get(r.code);
        const notes = [
          answer?.comment?.trim(),
          answer?.justification?.trim() ? `Justification : ${answer.justification.trim()}` : null,
        ].filter(Boolean);
        return {
          code: r.code,
          label: r.label,
          status: r.status,
          blocking: r.blocking,
          marks: r.marks,
          provisional: r.provisional,
          target: r.target,
          answerText: r.answerText,
          comment: notes.length ? notes.join("\n") : null,
          needsConfirmation: Boolean(answer?.needsConfirmation),
          evidence: (evidenceByCode.get(r.code) ?? [])
            .slice()
            .sort((a, b) => Number(a.ref.slice(1)) - Number(b.ref.slice(1)))
            .map((a) => ({ annex: a.ref, fileName: a.fileName })),
        };
      }),
  }));

  const ownerIds = [...new Set(actionRows.map((a) => a.ownerId).filter((id): id is string => Boolean(id)))];
  const owners = ownerIds.length
    ? new Map(
        (await db.user.findMany({ where: { id: { in: ownerIds } }, select: { id: true, name: true } })).map((u) => [
          u.id,
          u.name,
        ]),
      )
    : new Map<string, string>();
  const actions: DossierAction[] = actionRows.map((a) => ({
    title: a.title,
    owner: a.ownerId ? (owners.get(a.ownerId) ?? null) : null,
    dueOn: a.dueOn ? a.dueOn.toISOString().slice(0, 10) : null,
    status: a.status,
    requirementCode: a.requirementCode,
  }));

  const programme = referential.programme ?? "HOPEN";
  return {
    isDraft: assessment.status === "draft",
    isDemo: env.demo,
    assessmentId: assessment.id,
    revision: assessment.revision,
    establishment: {
      name: establishment.name,
      finess: establishment.finess,
      ght: establishment.ght?.name ?? null,
      region: establishment.region.name,
    },
    programme: { code: programme, label: PROGRAMME_LABELS[programme] ?? programme },
    referential: { title: assessment.referentialVersion.title, version: assessment.referentialVersion.version },
    campaign: { name: assessment.campaign.name, year: assessment.campaign.year },
    submittedAt: assessment.submittedAt ? assessment.submittedAt.toISOString() : null,
    attestation: attestationOf(assessment.attestation),
    verdict: {
      eligible: score.verdict.eligible,
      status: score.verdict.status,
      headline: score.verdict.headline,
      // The provisional items the verdict turns on, each with its reason (the page lists them apart).
      // (per usage domain, each domain's own reasons already name them).
      reasons: [
        ...score.verdict.reasons,
        ...(score.verdict.domains.length ? [] : score.verdict.provisional.map(provisionalReason)),
      ],
      domains: score.verdict.domains.map((d) => ({
        code: d.code,
        title: d.title,
        status: d.status,
        headline: d.headline,
        reasons: [...d.reasons],
      })),
      blockingMissing: score.verdict.blockingMissing.map((r) => ({ code: r.code, label: r.label })),
    },
    overall: score.overall,
    counts: { ...score.counts },
    domains,
    gaps: score.gaps.map((g) => ({
      code: g.code,
      label: g.label,
      kind: g.kind,
      blocking: g.blocking,
      effort: g.effort,
      recommendedAction: g.recommendedAction,
    })),
    actions,
    funding:
      options.funding === undefined
        ? fundingOf(fundingInputs, score.verdict.blockingMissing, score.verdict.domains)
        : options.funding,
    annexes,
  };
}

/** The payload of an assessment the actor may read as a dossier ("dossier.read"), else NOT_FOUND. */
export async function buildDossierPayload(
  db: Db,
  actor: Actor,
  assessmentId: string,
  options: BuildOptions = {},
): Promise<DossierPayload> {
  const assessment = await getAssessmentOrThrow(db, actor, assessmentId, "dossier.read");
  return payloadFor(db, assessment, options);
}
