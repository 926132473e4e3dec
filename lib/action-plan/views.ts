import type { ActionStatus } from "./schemas";

// What the client receives for an action (routes, tables, a STALE_VERSION's `current`).
// Client-safe: types and a plain mapping, no database access.

export type ActionView = {
  id: string;
  assessmentId: string;
  requirementCode: string | null;
  title: string;
  ownerId: string | null;
  /** Calendar day AAAA-MM-JJ, or null. */
  dueOn: string | null;
  status: ActionStatus;
  estimatedCost: number | null;
  notes: string | null;
  version: number;
  createdById: string;
  updatedAt: string;
};

/** A row of the plan as the table shows it. */
export type ActionRow = ActionView & {
  ownerName: string | null;
  requirementLabel: string | null;
  /** The linked requirement's domain (section), to link back to the questionnaire. */
  requirementDomain: string | null;
  overdue: boolean;
  /** The actor may change the status and notes (the director, or the action's owner). */
  canEditStatus: boolean;
};

/** A person who can own an action: the director or a contributor of the establishment. */
export type ActionOwnerOption = { id: string; name: string; manages: boolean; function: string | null };

type ActionRecord = {
  id: string;
  assessmentId: string;
  requirementCode: string | null;
  title: string;
  ownerId: string | null;
  dueOn: Date | null;
  status: ActionStatus;
  estimatedCost: number | null;
  notes: string | null;
  version: number;
  createdById: string;
  updatedAt: Date;
};

export function toActionView(a: ActionRecord): ActionView {
  return {
    id: a.id,
    assessmentId: a.assessmentId,
    requirementCode: a.requirementCode,
    title: a.title,
    ownerId: a.ownerId,
    dueOn: a.dueOn ? a.dueOn.toISOString().slice(0, 10) : null,
    status: a.status,
    estimatedCost: a.estimatedCost,
    notes: a.notes,
    version: a.version,
    createdById: a.createdById,
    updatedAt: a.updatedAt.toISOString(),
  };
}

/** A form's AAAA-MM-JJ stored as midnight UTC, so the calendar day never shifts. */
export function dayToDate(day: string | null | undefined): Date | null | undefined {
  if (day === undefined) return undefined;
  return day === null ? null : new Date(`${day}T00:00:00Z`);
}
