import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { Db, Tx } from "@/lib/core/db";
import { canEditInventory, loadInventoryEstablishment } from "./access";
import { computeIndicators, type IndicatorKind, type IndicatorResult } from "./indicators";
import { DOMAIN_CODES, type TApplication, type TDomain } from "./schemas";

export const applicationSelect = {
  id: true,
  name: true,
  vendor: true,
  version: true,
  domains: true,
  hosting: true,
  qhnCommitted: true,
  holdsHealthData: true,
  identityRepoConnected: true,
  movementRepoConnected: true,
  personalAuth: true,
} as const;

type ApplicationRow = {
  id: string;
  name: string;
  vendor: string | null;
  version: string | null;
  domains: string[];
  hosting: TApplication["hosting"];
  qhnCommitted: boolean;
  holdsHealthData: boolean;
  identityRepoConnected: boolean;
  movementRepoConnected: boolean;
  personalAuth: boolean;
};

const isDomain = (d: string): d is TDomain => (DOMAIN_CODES as readonly string[]).includes(d);

/** A row as the page, the export and the indicators see it (domains restricted to the known codes). */
export function toApplication(row: ApplicationRow): TApplication {
  return { ...row, domains: row.domains.filter(isDomain) };
}

const byName = (a: { name: string }, b: { name: string }) =>
  a.name.localeCompare(b.name, "fr", { sensitivity: "base", numeric: true });

/** The establishment's applications in French alphabetical order (no scope check: callers have done it). */
export async function loadApplications(db: Db | Tx, establishmentId: string): Promise<TApplication[]> {
  const rows = await db.application.findMany({ where: { establishmentId }, select: applicationSelect });
  return rows.map(toApplication).sort(byName);
}

/** The applications of an establishment the actor may see (NOT_FOUND otherwise). */
export async function listApplications(db: Db, actor: Actor, establishmentId: string): Promise<TApplication[]> {
  const establishment = await loadInventoryEstablishment(db, actor, establishmentId);
  return loadApplications(db, establishment.id);
}

export type Inventory = {
  establishment: { id: string; name: string; finess: string };
  applications: TApplication[];
  indicators: Record<IndicatorKind, IndicatorResult>;
  canEdit: boolean;
};

/** Everything the inventory page shows: the list, the computed indicators, and whether the actor edits. */
export async function getInventory(db: Db, actor: Actor, establishmentId: string): Promise<Inventory> {
  const establishment = await loadInventoryEstablishment(db, actor, establishmentId);
  const applications = await loadApplications(db, establishment.id);
  return {
    establishment,
    applications,
    indicators: computeIndicators(applications),
    canEdit: canEditInventory(actor, establishment.id),
  };
}

/**
 * The inventory indicators for an establishment, without the list: for the questionnaire, which
 * stores them as computed answers (ZComputedPercentage). No scope check: the caller has loaded
 * the establishment or the assessment through its own scope.
 */
export async function computeEstablishmentIndicators(
  db: Db | Tx,
  establishmentId: string,
): Promise<Record<IndicatorKind, IndicatorResult>> {
  return computeIndicators(await loadIndicatorApplications(db, establishmentId));
}

/** The applications as the indicators read them, for a computation under a referential's own scope. */
export async function loadIndicatorApplications(db: Db | Tx, establishmentId: string) {
  return db.application.findMany({ where: { establishmentId }, select: applicationSelect });
}
