import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/scope";
import type { Db, Tx } from "@/lib/core/db";
import { notFound } from "@/lib/core/errors";
import { diffReferentials, type TReferentialDiff } from "./diff";
import type { TReferentialFile } from "./schemas";
import { referentialOf } from "./referential-of";

// Reads of loaded referential versions. A version never changes once loaded (lib/referentials/store.ts
// only creates rows), so its parsed content is cached in the process by id, frozen so that no caller
// can alter what another one reads.

const CACHE_LIMIT = 64;
const contentCache = new Map<string, TReferentialFile>();

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

function remember(versionId: string, content: TReferentialFile): TReferentialFile {
  if (contentCache.size >= CACHE_LIMIT) {
    const oldest = contentCache.keys().next().value;
    if (oldest !== undefined) contentCache.delete(oldest);
  }
  const frozen = deepFreeze(content);
  contentCache.set(versionId, frozen);
  return frozen;
}

/**
 * The validated referential stored with a version (it was checked by ZReferentialFile before it was
 * written, hence the cast). Read-only: the object is frozen and shared. Not access-checked: callers
 * reach a version through a campaign or an assessment they already loaded through lib/auth/scope.ts.
 */
export async function getVersionContent(db: Db | Tx, versionId: string): Promise<TReferentialFile> {
  const cached = contentCache.get(versionId);
  if (cached) return cached;
  const row = await db.referentialVersion.findUnique({ where: { id: versionId }, select: { content: true } });
  if (!row) throw notFound("Cette version de référentiel");
  return remember(versionId, referentialOf(row));
}

function assertAdmin(actor: Actor): void {
  if (!can(actor, "platform.manage")) throw notFound("Cette page");
}

/** Who loaded each version: user names, or null for the platform (start-up sync, CLI). */
async function loaderNames(db: Db, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const users = await db.user.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}

export type TAdminVersionRow = {
  id: string;
  version: string;
  title: string;
  publishedOn: Date | null;
  loadedAt: Date;
  loadedBy: string | null;
  campaigns: number;
};

export type TAdminReferentialRow = { id: string; title: string; programme: string; versions: TAdminVersionRow[] };

/** Every referential with its versions, newest load first, and how many campaigns use each version. */
export async function listReferentialsForAdmin(db: Db, actor: Actor): Promise<TAdminReferentialRow[]> {
  assertAdmin(actor);
  const referentials = await db.referential.findMany({
    select: {
      id: true,
      title: true,
      programme: true,
      versions: {
        select: {
          id: true,
          version: true,
          title: true,
          publishedOn: true,
          loadedAt: true,
          loadedById: true,
          _count: { select: { campaigns: true } },
        },
        orderBy: [{ loadedAt: "desc" }, { id: "desc" }],
      },
    },
    orderBy: [{ programme: "asc" }, { id: "asc" }],
  });
  const names = await loaderNames(
    db,
    referentials.flatMap((r) => r.versions.map((v) => v.loadedById)),
  );
  return referentials.map((r) => ({
    id: r.id,
    title: r.title,
    programme: r.programme,
    versions: r.versions.map(({ _count, loadedById, ...v }) => ({
      ...v,
      loadedBy: loadedById ? (names.get(loadedById) ?? "compte supprimé") : null,
      campaigns: _count.campaigns,
    })),
  }));
}

export type TVersionWithDiff = {
  id: string;
  referentialId: string;
  referentialTitle: string;
  version: string;
  title: string;
  loadedAt: Date;
  loadedBy: string | null;
  contentHash: string;
  content: TReferentialFile;
  campaigns: { id: string; name: string; year: number }[];
  /** The version loaded just before this one, and what changed since it; null for the first version. */
  previous: { id: string; version: string; content: TReferentialFile } | null;
  diff: TReferentialDiff | null;
};

/** One version for the admin: its content, the campaigns using it, and the diff from the version before. */
export async function getVersionWithDiff(db: Db, actor: Actor, versionId: string): Promise<TVersionWithDiff> {
  assertAdmin(actor);
  const row = await db.referentialVersion.findUnique({
    where: { id: versionId },
    select: {
      id: true,
      referentialId: true,
      version: true,
      title: true,
      loadedAt: true,
      loadedById: true,
      contentHash: true,
      referential: { select: { title: true } },
      campaigns: { select: { id: true, name: true, year: true }, orderBy: [{ year: "desc" }, { name: "asc" }] },
    },
  });
  if (!row) throw notFound("Cette version de référentiel");
  const previousRow = await db.referentialVersion.findFirst({
    where: { referentialId: row.referentialId, loadedAt: { lt: row.loadedAt } },
    orderBy: [{ loadedAt: "desc" }, { id: "desc" }],
    select: { id: true, version: true },
  });
  const [content, previousContent, names] = await Promise.all([
    getVersionContent(db, row.id),
    previousRow ? getVersionContent(db, previousRow.id) : Promise.resolve(null),
    loaderNames(db, [row.loadedById]),
  ]);
  const previous = previousRow && previousContent ? { ...previousRow, content: previousContent } : null;
  return {
    id: row.id,
    referentialId: row.referentialId,
    referentialTitle: row.referential.title,
    version: row.version,
    title: row.title,
    loadedAt: row.loadedAt,
    loadedBy: row.loadedById ? (names.get(row.loadedById) ?? "compte supprimé") : null,
    contentHash: row.contentHash,
    content,
    campaigns: row.campaigns,
    previous,
    diff: previous ? diffReferentials(previous.content, content) : null,
  };
}

/** Versions a campaign can use, newest first within each referential (the campaign form's select). */
export async function listVersionOptions(db: Db, actor: Actor) {
  assertAdmin(actor);
  const rows = await db.referentialVersion.findMany({
    select: {
      id: true,
      version: true,
      title: true,
      referentialId: true,
      loadedAt: true,
      referential: { select: { title: true, programme: true } },
    },
    orderBy: [{ referentialId: "asc" }, { loadedAt: "desc" }],
  });
  return rows.map((v) => ({
    id: v.id,
    label: `${v.title} — version ${v.version}`,
    referentialId: v.referentialId,
    referentialTitle: v.referential.title,
    programme: v.referential.programme,
  }));
}
