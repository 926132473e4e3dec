import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/core/db";
import { notFound } from "@/lib/core/errors";
import { assertNoTwin, fundingParameterScope, resolveTarget } from "./access";
import type { FundingParameterData } from "./compute";
import type { FundingParameterInput } from "./schemas";

// Funding assumptions: set, change, remove. Admin anywhere; a regional delegate for their region
// and its establishments; anyone else NOT_FOUND with nothing written. Each change is audited in
// its own transaction.

export type FundingParameterView = Omit<FundingParameterData, "setAt"> & {
  id: string;
  campaignId: string;
  setById: string;
  setAt: string;
};

/** The row's columns: the checked target, the entered amount and assumption, who set them. */
function parameterFields(
  target: Awaited<ReturnType<typeof resolveTarget>>,
  input: FundingParameterInput,
  actor: Actor,
) {
  return {
    ...target,
    amountEuros: input.amountEuros,
    amountMaxEuros: input.amountMaxEuros ?? null,
    eligibleCount: input.eligibleCount ?? null,
    populationActivity: input.populationActivity ?? null,
    ceilingEuros: input.ceilingEuros ?? null,
    assumption: input.assumption,
    isExample: input.isExample,
    setById: actor.id,
  };
}

type Row = Omit<FundingParameterView, "setAt"> & { setAt: Date };
const toView = (r: Row): FundingParameterView => ({ ...r, setAt: r.setAt.toISOString() });
export const fundingParameterSelect = {
  id: true,
  campaignId: true,
  regionId: true,
  establishmentId: true,
  domainCode: true,
  amountEuros: true,
  amountMaxEuros: true,
  eligibleCount: true,
  populationActivity: true,
  ceilingEuros: true,
  assumption: true,
  isExample: true,
  setById: true,
  setAt: true,
} as const;

export async function setFundingParameter(
  db: Db,
  actor: Actor,
  input: FundingParameterInput,
  requestId: string,
): Promise<FundingParameterView> {
  return db.$transaction(async (tx) => {
    const target = await resolveTarget(tx, actor, input);
    await assertNoTwin(tx, target);
    const row = await tx.fundingParameter.create({
      data: parameterFields(target, input, actor),
      select: fundingParameterSelect,
    });
    const after = toView(row);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "funding.set",
      entity: "FundingParameter",
      entityId: row.id,
      establishmentId: row.establishmentId,
      after,
      requestId,
    });
    return after;
  });
}

export async function updateFundingParameter(
  db: Db,
  actor: Actor,
  id: string,
  input: FundingParameterInput,
  requestId: string,
): Promise<FundingParameterView> {
  return db.$transaction(async (tx) => {
    const before = await tx.fundingParameter.findFirst({
      where: { AND: [{ id }, fundingParameterScope(actor)] },
      select: fundingParameterSelect,
    });
    if (!before) throw notFound("Ce paramètre de financement");
    const target = await resolveTarget(tx, actor, input);
    await assertNoTwin(tx, target, id);
    const row = await tx.fundingParameter.update({
      where: { id },
      data: { ...parameterFields(target, input, actor), setAt: new Date() },
      select: fundingParameterSelect,
    });
    const after = toView(row);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "funding.update",
      entity: "FundingParameter",
      entityId: id,
      establishmentId: row.establishmentId ?? before.establishmentId,
      before: toView(before),
      after,
      requestId,
    });
    return after;
  });
}

export async function deleteFundingParameter(db: Db, actor: Actor, id: string, requestId: string) {
  return db.$transaction(async (tx) => {
    const before = await tx.fundingParameter.findFirst({
      where: { AND: [{ id }, fundingParameterScope(actor)] },
      select: fundingParameterSelect,
    });
    if (!before) throw notFound("Ce paramètre de financement");
    await tx.fundingParameter.delete({ where: { id } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "funding.delete",
      entity: "FundingParameter",
      entityId: id,
      establishmentId: before.establishmentId,
      before: toView(before),
      requestId,
    });
    return { id, deleted: true };
  });
}
