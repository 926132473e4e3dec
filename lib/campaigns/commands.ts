import "server-only";
import { assertAdmin, fieldError } from "@/lib/admin/guard";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import type { Db, Tx } from "@/lib/core/db";
import { AppError, notFound } from "@/lib/core/errors";
import type { CampaignInput } from "./schemas";

// The admin's campaign commands: (db, actor, [campaignId,] input, requestId), each asserting
// platform.manage (NOT_FOUND otherwise), running one transaction and writing one audit event in it.
// A campaign pins one referential version: once an establishment has started its assessment, the
// version no longer changes and that establishment can no longer be removed.

/** The campaign's own columns, from the form. */
function campaignFields(input: CampaignInput) {
  return {
    name: input.name,
    year: input.year,
    referentialVersionId: input.referentialVersionId,
    opensOn: utcDate(input.opensOn),
    closesOn: utcDate(input.closesOn),
  };
}

export const campaignSelect = {
  id: true,
  name: true,
  year: true,
  referentialVersionId: true,
  opensOn: true,
  closesOn: true,
} as const;

/** Dates without time are stored at midnight UTC and shown back as the same AAAA-MM-JJ. */
const utcDate = (isoDate: string) => new Date(`${isoDate}T00:00:00.000Z`);

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

async function checkVersion(tx: Tx, versionId: string): Promise<void> {
  const version = await tx.referentialVersion.findUnique({ where: { id: versionId }, select: { id: true } });
  if (!version) throw fieldError("referentialVersionId", "Cette version de référentiel est inconnue.");
}

/**
 * Every id names an establishment; one newly added may not be disabled (`keep`: ids already in the
 * campaign, kept even if their establishment was disabled since).
 */
async function checkEstablishments(tx: Tx, ids: string[], keep: ReadonlySet<string> = new Set()): Promise<void> {
  const found = await tx.establishment.findMany({
    where: { id: { in: ids } },
    select: { id: true, name: true, disabled: true },
  });
  const known = new Set(found.map((e) => e.id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw fieldError(
      "establishmentIds",
      unknown.length === 1
        ? "Un établissement choisi est inconnu."
        : `${unknown.length} établissements choisis sont inconnus.`,
    );
  }
  const disabled = found.filter((e) => e.disabled && !keep.has(e.id));
  if (disabled.length > 0) {
    throw fieldError(
      "establishmentIds",
      `Établissement désactivé, à retirer de la sélection : ${disabled.map((e) => e.name).join(", ")}.`,
    );
  }
}

function view(row: {
  id: string;
  name: string;
  year: number;
  referentialVersionId: string;
  opensOn: Date;
  closesOn: Date;
}) {
  return { ...row, opensOn: row.opensOn.toISOString().slice(0, 10), closesOn: row.closesOn.toISOString().slice(0, 10) };
}

export async function createCampaign(db: Db, actor: Actor, input: CampaignInput, requestId: string) {
  assertAdmin(actor);
  return db.$transaction(async (tx) => {
    await checkVersion(tx, input.referentialVersionId);
    await checkEstablishments(tx, input.establishmentIds);
    const created = await tx.campaign.create({
      data: {
        ...campaignFields(input),
        establishments: {
          createMany: { data: input.establishmentIds.map((establishmentId) => ({ establishmentId })) },
        },
      },
      select: campaignSelect,
    });
    const after = { ...view(created), establishmentIds: [...input.establishmentIds].sort() };
    await recordAudit(tx, {
      actorId: actor.id,
      action: "campaign.create",
      entity: "Campaign",
      entityId: created.id,
      before: null,
      after,
      requestId,
    });
    return after;
  });
}

/** Full replacement of the editable fields; establishments are added and removed to match the list. */
export async function updateCampaign(
  db: Db,
  actor: Actor,
  campaignId: string,
  input: CampaignInput,
  requestId: string,
) {
  assertAdmin(actor);
  return db.$transaction(async (tx) => {
    const before = await tx.campaign.findUnique({
      where: { id: campaignId },
      select: { ...campaignSelect, establishments: { select: { establishmentId: true } } },
    });
    if (!before) throw notFound("Cette campagne");
    const current = new Set(before.establishments.map((e) => e.establishmentId));
    const wanted = new Set(input.establishmentIds);
    const added = input.establishmentIds.filter((id) => !current.has(id)).sort();
    const removed = [...current].filter((id) => !wanted.has(id)).sort();

    if (input.referentialVersionId !== before.referentialVersionId) {
      await checkVersion(tx, input.referentialVersionId);
      const started = await tx.assessment.findMany({
        where: { campaignId: before.id, revision: 1 },
        select: { id: true },
      });
      if (started.length > 0) {
        throw new AppError(
          "LOCKED",
          `${plural(started.length, "évaluation est déjà commencée", "évaluations sont déjà commencées")} dans cette campagne : sa version de référentiel ne peut plus changer. Créez une nouvelle campagne pour la nouvelle version.`,
          { fieldErrors: { referentialVersionId: ["Version verrouillée : des évaluations sont commencées."] } },
        );
      }
    }
    if (removed.length > 0) {
      const startedThere = await tx.assessment.findMany({
        where: { campaignId: before.id, establishmentId: { in: removed }, revision: 1 },
        select: { establishment: { select: { name: true } } },
      });
      if (startedThere.length > 0) {
        const names = startedThere
          .map((a) => a.establishment.name)
          .sort()
          .join(", ");
        const message = `Ces établissements ont commencé leur évaluation et ne peuvent plus être retirés de la campagne : ${names}.`;
        throw new AppError("LOCKED", message, { fieldErrors: { establishmentIds: [message] } });
      }
    }
    await checkEstablishments(tx, input.establishmentIds, current);

    const after = await tx.campaign.update({
      where: { id: before.id },
      data: campaignFields(input),
      select: campaignSelect,
    });
    if (removed.length > 0)
      await tx.campaignEstablishment.deleteMany({ where: { campaignId: before.id, establishmentId: { in: removed } } });
    if (added.length > 0)
      await tx.campaignEstablishment.createMany({
        data: added.map((establishmentId) => ({ campaignId: before.id, establishmentId })),
      });

    const { establishments, ...beforeFields } = before;
    await recordAudit(tx, {
      actorId: actor.id,
      action: "campaign.update",
      entity: "Campaign",
      entityId: before.id,
      before: { ...view(beforeFields), establishmentCount: establishments.length },
      after: {
        ...view(after),
        establishmentCount: wanted.size,
        addedEstablishmentIds: added,
        removedEstablishmentIds: removed,
      },
      requestId,
    });
    return { ...view(after), establishmentIds: [...wanted].sort() };
  });
}
