import type { Prisma } from "@/generated/prisma/client";
import type { Tx } from "@/lib/core/db";

export type AuditEntry = {
  actorId: string | null;
  action: string; // "<entity>.<verb>", e.g. "establishment.update"
  entity: string;
  entityId: string;
  establishmentId?: string | null;
  before?: unknown;
  after?: unknown;
  requestId?: string | null;
};

/** Writes the audit row with the same transaction as the change: both land, or neither. */
export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId,
      establishmentId: entry.establishmentId ?? null,
      before: toJson(entry.before),
      after: toJson(entry.after),
      requestId: entry.requestId ?? null,
    },
  });
}

// Dates become ISO strings and BigInts strings, so any row can be stored as JSON.
function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v)));
}
