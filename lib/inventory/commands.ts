import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import type { Db, Tx } from "@/lib/core/db";
import { AppError, notFound } from "@/lib/core/errors";
import { toAppError } from "@/lib/core/prisma-errors";
import { loadEditableEstablishment } from "./access";
import { nameKey, parseInventoryCsv } from "./csv";
import { applicationSelect, toApplication } from "./queries";
import {
  DOMAIN_CODES,
  MAX_IMPORT_BYTES,
  MAX_REPORTED_ERRORS,
  type TApplication,
  type TApplicationInput,
  type TImportMode,
  type TImportSummary,
} from "./schemas";

// Writes to the application inventory. Each one loads the establishment through the scope
// (NOT_FOUND outside it, FORBIDDEN for a read-only member: see ./access.ts), writes and records its
// audit row in one transaction. Names are unique per establishment ignoring case, accents and
// spaces ("DxCare" and "DXCARE" are one application), so that an application is never counted twice.

const DUPLICATE_NAME = "Une application de l'inventaire porte déjà ce nom.";

/** The row as stored: empty texts become null, domains in display order. */
function toData(input: TApplicationInput) {
  return {
    name: input.name,
    vendor: input.vendor || null,
    version: input.version || null,
    domains: DOMAIN_CODES.filter((d) => input.domains.includes(d)),
    hosting: input.hosting,
    qhnCommitted: input.qhnCommitted,
    holdsHealthData: input.holdsHealthData,
    identityRepoConnected: input.identityRepoConnected,
    movementRepoConnected: input.movementRepoConnected,
    personalAuth: input.personalAuth,
  };
}

async function assertNameFree(tx: Tx, establishmentId: string, name: string, exceptId?: string): Promise<void> {
  const rows = await tx.application.findMany({ where: { establishmentId }, select: { id: true, name: true } });
  const key = nameKey(name);
  const taken = rows.find((r) => r.id !== exceptId && nameKey(r.name) === key);
  if (taken) {
    throw new AppError("CONFLICT", `${DUPLICATE_NAME} (« ${taken.name} »)`, {
      fieldErrors: { name: [`${DUPLICATE_NAME} (« ${taken.name} »)`] },
    });
  }
}

async function loadApplication(tx: Tx, establishmentId: string, applicationId: string) {
  const row = await tx.application.findFirst({
    where: { id: applicationId, establishmentId },
    select: applicationSelect,
  });
  if (!row) throw notFound("Cette application");
  return toApplication(row);
}

function mapUnique(error: unknown): never {
  throw toAppError(error, DUPLICATE_NAME) ?? error;
}

type EditableEstablishment = Awaited<ReturnType<typeof loadEditableEstablishment>>;

/**
 * One change to an establishment's inventory: in one transaction (with its audit row), on an
 * establishment the actor may edit; a name taken meanwhile is the same French 409 as assertNameFree's.
 */
function changeInventory<T>(
  db: Db,
  actor: Actor,
  establishmentId: string,
  change: (tx: Tx, establishment: EditableEstablishment) => Promise<T>,
): Promise<T> {
  return db
    .$transaction(async (tx) => change(tx, await loadEditableEstablishment(tx, actor, establishmentId)))
    .catch(mapUnique);
}

export async function createApplication(
  db: Db,
  actor: Actor,
  establishmentId: string,
  input: TApplicationInput,
  requestId?: string,
): Promise<TApplication> {
  return changeInventory(db, actor, establishmentId, async (tx, establishment) => {
    await assertNameFree(tx, establishment.id, input.name);
    const row = await tx.application.create({
      data: { ...toData(input), establishmentId: establishment.id },
      select: applicationSelect,
    });
    const created = toApplication(row);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "application.create",
      entity: "Application",
      entityId: created.id,
      establishmentId: establishment.id,
      after: created,
      requestId,
    });
    return created;
  });
}

/** Replaces every field of one application (the form always sends the whole application). */
export async function updateApplication(
  db: Db,
  actor: Actor,
  establishmentId: string,
  applicationId: string,
  input: TApplicationInput,
  requestId?: string,
): Promise<TApplication> {
  return changeInventory(db, actor, establishmentId, async (tx, establishment) => {
    const before = await loadApplication(tx, establishment.id, applicationId);
    await assertNameFree(tx, establishment.id, input.name, before.id);
    const row = await tx.application.update({
      where: { id: before.id },
      data: toData(input),
      select: applicationSelect,
    });
    const after = toApplication(row);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "application.update",
      entity: "Application",
      entityId: after.id,
      establishmentId: establishment.id,
      before: before,
      after: after,
      requestId,
    });
    return after;
  });
}

export async function deleteApplication(
  db: Db,
  actor: Actor,
  establishmentId: string,
  applicationId: string,
  requestId?: string,
): Promise<{ id: string }> {
  return changeInventory(db, actor, establishmentId, async (tx, establishment) => {
    const before = await loadApplication(tx, establishment.id, applicationId);
    await tx.application.delete({ where: { id: before.id } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "application.delete",
      entity: "Application",
      entityId: before.id,
      establishmentId: establishment.id,
      before: before,
      requestId,
    });
    return { id: before.id };
  });
}

/**
 * Imports a CSV file, all or nothing. If any row is wrong, nothing is written and every located
 * problem comes back (BAD_INPUT, details.errors, at most MAX_REPORTED_ERRORS of them, details.total).
 * Otherwise one transaction: "replace" deletes the inventory then inserts the file's applications;
 * "merge" updates the applications whose name matches (ignoring case and accents) and adds the
 * others, keeping those the file does not name. One audit row with the counts; for "replace" it
 * also keeps the inventory that was removed.
 */
export async function importInventory(
  db: Db,
  actor: Actor,
  establishmentId: string,
  text: string,
  mode: TImportMode,
  requestId?: string,
): Promise<TImportSummary> {
  // Access first: someone outside the establishment learns nothing, not even whether the file is valid.
  const establishment = await loadEditableEstablishment(db, actor, establishmentId);
  if (new TextEncoder().encode(text).length > MAX_IMPORT_BYTES) {
    throw new AppError(
      "PAYLOAD_TOO_LARGE",
      `Le fichier dépasse la taille maximale de ${MAX_IMPORT_BYTES / 1024 / 1024} Mo.`,
    );
  }
  if (text.includes("\0")) {
    // Typically a UTF-16 export; PostgreSQL could not store the character anyway.
    throw new AppError(
      "BAD_INPUT",
      "Le fichier contient des caractères nuls : enregistrez-le depuis le tableur au format « CSV UTF-8 » ou « CSV (séparateur : point-virgule) ».",
    );
  }
  const parsed = parseInventoryCsv(text);
  if (!parsed.ok) {
    const total = parsed.errors.length;
    const lines = new Set(parsed.errors.map((e) => e.line)).size;
    throw new AppError(
      "BAD_INPUT",
      `Aucune ligne n'a été importée : ${total} problème${total > 1 ? "s" : ""} sur ${lines} ligne${lines > 1 ? "s" : ""} du fichier, à corriger avant de recommencer.`,
      { details: { errors: parsed.errors.slice(0, MAX_REPORTED_ERRORS), total } },
    );
  }
  const rows = parsed.rows.map(toData);

  return db.$transaction(
    async (tx) => {
      const existing = (
        await tx.application.findMany({ where: { establishmentId: establishment.id }, select: applicationSelect })
      ).map(toApplication);
      let created = 0;
      let updated = 0;
      let deleted = 0;
      if (mode === "replace") {
        deleted = (await tx.application.deleteMany({ where: { establishmentId: establishment.id } })).count;
        created = (
          await tx.application.createMany({ data: rows.map((r) => ({ ...r, establishmentId: establishment.id })) })
        ).count;
      } else {
        const byName = new Map(existing.map((a) => [nameKey(a.name), a]));
        const toCreate: Prisma.ApplicationCreateManyInput[] = [];
        for (const row of rows) {
          const match = byName.get(nameKey(row.name));
          if (match) {
            await tx.application.update({ where: { id: match.id }, data: row });
            updated += 1;
          } else {
            toCreate.push({ ...row, establishmentId: establishment.id });
          }
        }
        created = toCreate.length > 0 ? (await tx.application.createMany({ data: toCreate })).count : 0;
      }
      const summary: TImportSummary = { mode, total: rows.length, created, updated, deleted };
      await recordAudit(tx, {
        actorId: actor.id,
        action: "inventory.import",
        entity: "Establishment",
        entityId: establishment.id,
        establishmentId: establishment.id,
        before: mode === "replace" ? { count: existing.length, applications: existing } : { count: existing.length },
        after: summary,
        requestId,
      });
      return summary;
    },
    // A few thousand rows on the embedded database take longer than Prisma's 5 s default.
    { maxWait: 10_000, timeout: 60_000 },
  );
}
