import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assessmentScope, can, regionScope } from "@/lib/auth/scope";
import type { Db } from "@/lib/core/db";
import { notFound } from "@/lib/core/errors";
import { formatVerificationCode } from "./seal";

export type RegionDossierRow = {
  assessmentId: string;
  establishment: { name: string; finess: string };
  campaign: { name: string; year: number };
  revision: number;
  superseded: boolean;
  submittedAt: string | null;
  /** Printed code once the dossier has been sealed (at submission), else null. */
  verificationCode: string | null;
  generatedAt: string | null;
};

/**
 * The submitted dossiers of a region, for its ARS reviewer only: the region must be in the
 * actor's "region.read" scope AND the actor must review it for the ARS (a delegate or the admin,
 * who also read the region, get NOT_FOUND). Rows are the assessments the actor may read as a
 * dossier, newest submission first.
 */
export async function listRegionDossiers(db: Db, actor: Actor, regionId: string) {
  const reviews = can(actor, "region.dossiers", { regionId });
  const region = reviews
    ? await db.region.findFirst({
        where: { AND: [{ id: regionId }, regionScope(actor, "region.read")] },
        select: { id: true, name: true },
      })
    : null;
  if (!region) throw notFound("Cette région");
  const rows = await db.assessment.findMany({
    where: {
      AND: [
        { establishment: { regionId: region.id } },
        { status: { in: ["submitted", "superseded"] } },
        assessmentScope(actor, "dossier.read"),
      ],
    },
    orderBy: [{ submittedAt: { sort: "desc", nulls: "last" } }, { id: "asc" }],
    take: 500,
    select: {
      id: true,
      revision: true,
      status: true,
      submittedAt: true,
      establishment: { select: { name: true, finess: true } },
      campaign: { select: { name: true, year: true } },
      dossiers: { select: { verificationCode: true, generatedAt: true }, orderBy: { generatedAt: "asc" }, take: 1 },
    },
  });
  const dossiers: RegionDossierRow[] = rows.map((r) => ({
    assessmentId: r.id,
    establishment: r.establishment,
    campaign: r.campaign,
    revision: r.revision,
    superseded: r.status === "superseded",
    submittedAt: r.submittedAt?.toISOString() ?? null,
    verificationCode: r.dossiers[0] ? formatVerificationCode(r.dossiers[0].verificationCode) : null,
    generatedAt: r.dossiers[0]?.generatedAt.toISOString() ?? null,
  }));
  return { region, dossiers };
}

/** Whether a submitted revision's dossier is sealed; the caller has loaded the assessment in scope. */
export async function isDossierSealed(db: Db, assessmentId: string): Promise<boolean> {
  return (await db.dossier.count({ where: { assessmentId } })) > 0;
}
