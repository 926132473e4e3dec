// A synthetic dossier payload, for the bench and for looking at the layout without a database.
// Plain data only: the same shape build-payload.ts produces.
import type { DossierPayload, DossierRequirement, DossierStatus } from "@/lib/dossier/types";

const LABELS = [
  "Une cellule d'identitovigilance est en place et se réunit au moins une fois par trimestre",
  "Le plan de continuité et de reprise d'activité du système d'information est formalisé et testé chaque année",
  "Les comptes à privilèges sont nominatifs, revus tous les six mois et protégés par une authentification forte",
  "La politique de sécurité du système d'information est validée par la direction et diffusée aux agents",
  "Part des applications raccordées au référentiel unique d'identités",
  "Les incidents de sécurité sont déclarés sur le portail de signalement dans les délais réglementaires",
];
const ANSWERS = ["Oui", "Non", "Partiellement", "87 % (26 / 30 applications)", "Je ne sais pas", "Sans objet"];
const STATUSES: DossierStatus[] = ["met", "not_met", "partial", "met", "unknown", "not_applicable"];
const HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

export function samplePayload(
  options: {
    domains?: number;
    requirementsPerDomain?: number;
    annexes?: number;
    draft?: boolean;
    demo?: boolean;
    actions?: number;
  } = {},
): DossierPayload {
  const domainCount = options.domains ?? 4;
  const perDomain = options.requirementsPerDomain ?? 6;
  const annexCount = options.annexes ?? 8;
  const counts = { met: 0, partial: 0, not_met: 0, unknown: 0, not_applicable: 0 };
  const domains = Array.from({ length: domainCount }, (_, d) => {
    const domainCounts = { met: 0, partial: 0, not_met: 0, unknown: 0, not_applicable: 0 };
    const requirements: DossierRequirement[] = Array.from({ length: perDomain }, (_, r) => {
      const i = (d * perDomain + r) % LABELS.length;
      const status = STATUSES[i]!;
      domainCounts[status]++;
      counts[status]++;
      return {
        code: `P${d + 1}.${r + 1}`,
        label: LABELS[i]!,
        status,
        blocking: r % 3 === 0,
        marks: {
          wording: (["H", "M", "L"] as const)[r % 3]!,
          code: (["L", "H", "M"] as const)[r % 3]!,
          target: (["H", "L", "M"] as const)[r % 3]!,
        },
        provisional:
          i === 4 ? { target: "Cible proposée par Socle, dans l'esprit d'Hôpital numérique : à confirmer." } : null,
        target: i === 4 ? "≥ 90 % des applications" : "Oui",
        answerText: ANSWERS[i]!,
        comment: r % 2 === 0 ? "Procès-verbal de la réunion du 12 mars : la cellule a examiné 14 signalements." : null,
        needsConfirmation: r % 5 === 4,
        evidence: r % 2 === 0 ? [{ annex: `A${(r % Math.max(1, annexCount)) + 1}`, fileName: "pv.pdf" }] : [],
      };
    });
    return {
      code: `P${d + 1}`,
      title: ["Identités, mouvements", "Sécurité", "Confidentialité", "Échange et partage"][d % 4]!,
      score: 60 + ((d * 7) % 40),
      counts: domainCounts,
      requirements,
    };
  });
  const gaps = domains
    .flatMap((d) => d.requirements)
    .filter((r) => r.status === "not_met" || r.status === "partial" || r.status === "unknown")
    .map((r) => ({
      code: r.code,
      label: r.label,
      kind: r.status === "unknown" ? ("to_investigate" as const) : ("missing" as const),
      blocking: r.blocking,
      effort: "medium" as const,
      recommendedAction: "Rédiger la procédure, la faire valider en comité de direction et programmer un test annuel.",
    }));
  return {
    isDraft: options.draft ?? false,
    isDemo: options.demo ?? false,
    assessmentId: "sample",
    revision: 1,
    establishment: {
      name: "Groupe hospitalier Bretagne Sud",
      finess: "560999013",
      ght: "GHT Brocéliande Atlantique",
      region: "Bretagne",
    },
    programme: { code: "HOPEN", label: "HOP'EN" },
    referential: { title: "HOP'EN — Prérequis du socle commun", version: "2019.2" },
    campaign: { name: "HOP'EN — prérequis 2026", year: 2026 },
    submittedAt: "2026-06-30T10:00:00.000Z",
    attestation: {
      name: "Claire Exemple",
      title: "Directrice générale",
      date: "2026-06-30",
      statement: "J'atteste que les réponses et pièces de ce dossier sont exactes et complètes à ma connaissance.",
    },
    verdict: {
      eligible: false,
      status: "not_eligible",
      domains: [],
      headline: "Non éligible en l'état : 2 prérequis bloquants ne sont pas atteints",
      reasons: [
        "P2.1 : le plan de reprise n'a pas été testé.",
        "P2.6 : l'audit d'exposition sur internet n'a pas été réalisé.",
      ],
      blockingMissing: [
        { code: "P2.1", label: LABELS[1]! },
        { code: "P2.6", label: LABELS[5]! },
      ],
    },
    overall: 78,
    counts,
    domains,
    gaps,
    actions: Array.from({ length: options.actions ?? 3 }, (_, i) => ({
      title: "Tester le plan de reprise d'activité sur le DPI",
      owner: "Nolwenn Maquette",
      dueOn: "2026-09-30",
      status: (["todo", "in_progress", "done"] as const)[i % 3]!,
      requirementCode: "P2.1",
    })),
    funding: {
      amount: { low: 1_200_000, high: 1_500_000 },
      assumption: "enveloppe régionale répartie entre les établissements éligibles",
      rule: "Tout ou rien : chaque prérequis bloquant manquant retient à lui seul la totalité du montant du programme.",
      perRequirement: { "P2.1": { low: 250_000, high: 250_000 } },
    },
    annexes: Array.from({ length: annexCount }, (_, i) => ({
      ref: `A${i + 1}`,
      fileName:
        i % 2 ? "Politique de sécurité du SI — version signée 2026.pdf" : "pv-cellule-identitovigilance-2026-03-12.pdf",
      mimeType: "application/pdf",
      size: 180_000 + i * 52_000,
      uploadedAt: "2026-03-12T09:30:00.000Z",
      sha256: HASH,
      requirementCodes: ["P1.1", "P2.3"],
    })),
  };
}
