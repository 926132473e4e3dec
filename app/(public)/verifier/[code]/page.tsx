import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import type { ReactNode } from "react";
import { headers } from "next/headers";
import { connection } from "next/server";
import { PublicShell } from "@/components/dossier/public-shell";
import { VerifyForm } from "@/components/dossier/verify-form";
import { VerifyResultView } from "@/components/dossier/verify-result";
import { clientIp } from "@/lib/auth/rate-limit";
import { db } from "@/lib/core/db";
import { isAppError } from "@/lib/core/errors";
import { formatVerificationCode, normalizeVerificationCode } from "@/lib/dossier/seal";
import { verifyByCode } from "@/lib/dossier/verify";
import { BAD_CODE_MESSAGE, type VerifyResult } from "@/lib/dossier/verify-shared";
import { spendVerifyQuota } from "@/lib/dossier/verify-request";

export const metadata: Metadata = { title: "Vérifier un dossier", robots: { index: false } };

/** The QR code's target: the answer for the code it carries, then the form to check the file too. */
export default async function VerifierCodePage({ params }: Readonly<{ params: Promise<{ code: string }> }>) {
  await connection();
  const { code: raw } = await params;
  const code = normalizeVerificationCode(safeDecode(raw));
  const outcome = code ? await check(code) : null;
  let body: ReactNode;
  if (!code) {
    body = (
      <div className="alert alert-error" role="status">
        <p style={{ margin: 0, fontWeight: 700 }}>Code invalide</p>
        <p style={{ margin: 0 }}>{BAD_CODE_MESSAGE}</p>
      </div>
    );
  } else if (outcome && "error" in outcome) {
    body = (
      <div className="alert alert-error" role="status">
        <p style={{ margin: 0 }}>{outcome.error}</p>
      </div>
    );
  } else if (outcome) {
    body = <VerifyResultView result={outcome.result} by="code" />;
  }
  return (
    <PublicShell>
      <div className="stack">
        <PageHeader title="Vérifier un dossier">
          {code ? (
            <p>
              Code de vérification <strong style={{ letterSpacing: "0.08em" }}>{formatVerificationCode(code)}</strong>
            </p>
          ) : null}
        </PageHeader>
        {body}
        <VerifyForm initialCode={code ? formatVerificationCode(code) : ""} />
      </div>
    </PublicShell>
  );
}

/** The check, counted against the reader's quota; a refusal (429) comes back as its French message. */
async function check(code: string): Promise<{ result: VerifyResult } | { error: string }> {
  try {
    await spendVerifyQuota(db, clientIp(await headers()));
    return { result: await verifyByCode(db, code) };
  } catch (error) {
    if (isAppError(error)) return { error: error.message };
    throw error;
  }
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return "";
  }
}
