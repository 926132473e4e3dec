// The dossier's payload: plain, serialisable data gathered on the server after the scope check,
// drawn by the pure react-pdf documents in ./pdf. Dates are ISO strings; nothing here is a Prisma
// or a scoring object, so the PDF can be rendered (and benchmarked) from a fixture alone.

export type DossierStatus = "met" | "partial" | "not_met" | "unknown" | "not_applicable";
export type DossierCounts = Record<DossierStatus, number>;

export type DossierEvidenceRef = { annex: string; fileName: string };

export type DossierRequirement = {
  code: string;
  label: string;
  status: DossierStatus;
  blocking: boolean;
  /** Reliability of the wording, the code and the target: H stated by a source, M several agree, L reconstructed. */
  marks: { wording: "H" | "M" | "L"; code: "H" | "M" | "L"; target: "H" | "M" | "L" };
  /** Socle's own proposals, with their reasons: a provisional target, proof list or blocking flag. */
  provisional: { target?: string; proofs?: string; blocking?: string } | null;
  target: string | null;
  answerText: string;
  /** The answer's comment, and the justification of a "sans objet" or an override. */
  comment: string | null;
  needsConfirmation: boolean;
  evidence: DossierEvidenceRef[];
};

export type DossierDomain = {
  code: string;
  title: string;
  /** 0–100, or null when nothing in the domain is scored. */
  score: number | null;
  counts: DossierCounts;
  requirements: DossierRequirement[];
};

export type DossierGap = {
  code: string;
  label: string;
  kind: "missing" | "to_investigate";
  blocking: boolean;
  effort: "low" | "medium" | "high" | null;
  recommendedAction: string;
};

export type DossierAction = {
  title: string;
  owner: string | null;
  dueOn: string | null;
  status: "todo" | "in_progress" | "done" | "abandoned";
  requirementCode: string | null;
};

/** Funding at stake (lib/funding/compute.ts), printed only when an assumption applies. */
export type DossierFunding = {
  /** An order of magnitude, a range when the assumption gives one (lib/funding/compute.ts). */
  amount: { low: number; high: number };
  /** The parameters' own words, then how the figure was derived. */
  assumption: string;
  /** How missing prerequisites hold the amount back ("" when none is set). */
  rule?: string;
  /** A demonstration assumption, not a real envelope. */
  isExample?: boolean;
  /** What each missing blocking prerequisite holds back; empty when nothing is held back. */
  perRequirement?: Record<string, { low: number; high: number }>;
  /** HOP'EN usage (paid per domain): one figure per domain applied for, beside its verdict. */
  usage?: DossierUsageFunding;
};

/** lib/funding/compute.ts usageFunding(), as printed. */
export type DossierUsageFunding = {
  domains: {
    code: string;
    title: string;
    status: "eligible" | "reserved" | "not_eligible";
    /** Null: no assumption names this domain. */
    amount: { low: number; high: number } | null;
    assumption: string | null;
    isExample: boolean;
  }[];
  total: { low: number; high: number };
  held: { low: number; high: number };
  unassigned: { amount: { low: number; high: number }; assumption: string } | null;
};

export type DossierAnnex = {
  /** "A1", "A2"… in upload order. */
  ref: string;
  fileName: string;
  mimeType: string;
  size: number;
  uploadedAt: string;
  sha256: string;
  requirementCodes: string[];
};

export type DossierAttestation = { name: string; title: string; date: string; statement: string };

export type DossierPayload = {
  isDraft: boolean;
  /** Made from the demo data (demo mode): "Démonstration" on every page. */
  isDemo: boolean;
  assessmentId: string;
  revision: number;
  establishment: { name: string; finess: string; ght: string | null; region: string };
  programme: { code: string; label: string };
  referential: { title: string; version: string };
  campaign: { name: string; year: number };
  submittedAt: string | null;
  attestation: DossierAttestation | null;
  verdict: {
    eligible: boolean;
    /** "reserved": the verdict turns on provisional items ("sous réserve"). */
    status: "eligible" | "reserved" | "not_eligible";
    headline: string;
    reasons: string[];
    /** HOP'EN usage: one verdict per domain applied for; empty otherwise. */
    domains: {
      code: string;
      title: string;
      status: "eligible" | "reserved" | "not_eligible";
      headline: string;
      reasons: string[];
    }[];
    blockingMissing: { code: string; label: string }[];
  };
  overall: number | null;
  counts: DossierCounts;
  domains: DossierDomain[];
  gaps: DossierGap[];
  actions: DossierAction[];
  funding: DossierFunding | null;
  annexes: DossierAnnex[];
};

/** What is printed on every page besides the payload: the seal (absent on a draft). */
export type DossierSeal = {
  /** Printed form `XXXX-XXXX-XXXX`, or null on a draft. */
  code: string | null;
  /** `<origin>/verifier/<code>` (or `<origin>/verifier` on a draft). */
  verifyUrl: string;
  /** PNG data URL of the QR code of verifyUrl; null on a draft. */
  qrDataUrl: string | null;
  generatedAt: string;
};
