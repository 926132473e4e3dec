import "server-only";
import type { Db } from "@/lib/core/db";
import { AppError } from "@/lib/core/errors";
import { normalizeVerificationCode, sha256Hex } from "./seal";
import { BAD_CODE_MESSAGE, type VerifyResult } from "./verify-shared";

// The public check of a dossier, by its code or by its bytes. It answers whether Socle issued it
// and, if so, only what the cover already shows: establishment, campaign, submission and
// generation dates. Nothing about answers, scores or files.

export type { VerifyResult } from "./verify-shared";

const select = {
  generatedAt: true,
  assessment: {
    select: {
      establishmentId: true,
      campaignId: true,
      revision: true,
      submittedAt: true,
      establishment: { select: { name: true } },
      campaign: { select: { name: true } },
    },
  },
} as const;

type Row = {
  generatedAt: Date;
  assessment: {
    establishmentId: string;
    campaignId: string;
    revision: number;
    submittedAt: Date | null;
    establishment: { name: string };
    campaign: { name: string };
  };
};

// A reader holding an old revision's dossier must learn that a later one exists: the latest
// revision of the same establishment and campaign, with its submission date (null while a draft).
async function found(db: Db, row: Row): Promise<VerifyResult> {
  const a = row.assessment;
  const later = await db.assessment.findFirst({
    where: { establishmentId: a.establishmentId, campaignId: a.campaignId, revision: { gt: a.revision } },
    orderBy: { revision: "desc" },
    select: { revision: true, submittedAt: true },
  });
  return {
    authentic: true,
    establishment: a.establishment.name,
    campaign: a.campaign.name,
    submittedAt: a.submittedAt?.toISOString() ?? null,
    generatedAt: row.generatedAt.toISOString(),
    revision: a.revision,
    supersededBy: later ? { revision: later.revision, submittedAt: later.submittedAt?.toISOString() ?? null } : null,
  };
}

/** By the printed code; BAD_INPUT when it cannot be a code. */
export async function verifyByCode(db: Db, input: string): Promise<VerifyResult> {
  const code = normalizeVerificationCode(input);
  if (!code) throw new AppError("BAD_INPUT", BAD_CODE_MESSAGE);
  const row = await db.dossier.findUnique({ where: { verificationCode: code }, select });
  return row ? found(db, row) : { authentic: false, reason: "unknown_code" };
}

export async function verifyBySha256(db: Db, sha256: string): Promise<VerifyResult> {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new AppError("BAD_INPUT", "Empreinte invalide.");
  const row = await db.dossier.findUnique({ where: { sha256 }, select });
  return row ? found(db, row) : { authentic: false, reason: "no_match" };
}

/** By the file's bytes: authentic only if they are exactly the bytes Socle issued. */
export async function verifyByBytes(db: Db, bytes: Uint8Array): Promise<VerifyResult> {
  return verifyBySha256(db, sha256Hex(bytes));
}
