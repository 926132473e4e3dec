import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/scope";
import { recordAudit } from "@/lib/audit/record";
import type { Db, Tx } from "@/lib/core/db";
import { AppError, notFound } from "@/lib/core/errors";
import { toAppError } from "@/lib/core/prisma-errors";
import { canonicalHash } from "./canonical-hash";
import { diffReferentials, type TReferentialDiff } from "./diff";
import { listReferentialFiles, loadReferentialFile, REFERENTIALS_DIR } from "./load-file";
import { formatParseErrors, type TParseError } from "./parse";
import type { TReferentialFile } from "./schemas";
import { referentialOf } from "./referential-of";

// Writes referential versions to the database. A version is immutable once loaded: this module only
// ever creates ReferentialVersion rows, never updates or deletes one. Assessments pin a version
// through their campaign, so changing a loaded version would change questions already answered.
//
// Deliberately without `import "server-only"`: scripts/db.ts and scripts/load-referential.ts run it
// under tsx, outside React's server condition (the `Db`/`Tx` imports are types only).

export type TImportStatus = "created" | "unchanged";

export type TImportResult = {
  status: TImportStatus;
  versionId: string;
  /** Against the latest version of the same referential loaded before this one, or null for the first. */
  diff: TReferentialDiff | null;
  /** The version the diff compares against. */
  previous: { id: string; version: string } | null;
};

/** Codes only: what the CLI prints and what the audit row keeps (the full diff is recomputable). */
export type TDiffSummary = { added: string[]; removed: string[]; changed: { code: string; fields: string[] }[] };

export function summarizeDiff(diff: TReferentialDiff): TDiffSummary {
  return {
    added: diff.added.map((r) => r.code),
    removed: diff.removed.map((r) => r.code),
    changed: diff.changed.map((c) => ({ code: c.code, fields: c.fields.map((f) => f.field) })),
  };
}

/** The database stores validated content as JSON; undefined fields are dropped, as JSON.stringify does. */
function toJson(referential: TReferentialFile): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(referential)) as Prisma.InputJsonValue;
}

/** `2019-07-26` → midnight UTC, the way dates without time are stored everywhere in the app. */
function isoDate(date: string): Date {
  return new Date(`${date}T00:00:00.000Z`);
}

const lockedMessage = (referential: TReferentialFile) =>
  `La version ${referential.version} de ${referential.id} est publiée et ne peut plus être modifiée : chargez-la sous un nouveau numéro de version.`;

/** The latest version of `referentialId` loaded strictly before `before` (all of them when undefined). */
async function latestVersionBefore(tx: Tx | Db, referentialId: string, before?: Date) {
  return tx.referentialVersion.findFirst({
    where: { referentialId, ...(before ? { loadedAt: { lt: before } } : {}) },
    orderBy: [{ loadedAt: "desc" }, { id: "desc" }],
    select: { id: true, version: true, loadedAt: true, content: true },
  });
}

async function importOnce(
  db: Db,
  actor: Actor | null,
  referential: TReferentialFile,
  requestId?: string,
): Promise<TImportResult> {
  const contentHash = canonicalHash(referential);
  return db.$transaction(async (tx) => {
    const existing = await tx.referentialVersion.findUnique({
      where: { referentialId_version: { referentialId: referential.id, version: referential.version } },
      select: { id: true, contentHash: true, loadedAt: true },
    });
    if (existing) {
      if (existing.contentHash !== contentHash) {
        throw new AppError("LOCKED", lockedMessage(referential), { details: { versionId: existing.id } });
      }
      const previous = await latestVersionBefore(tx, referential.id, existing.loadedAt);
      return {
        status: "unchanged",
        versionId: existing.id,
        diff: previous ? diffReferentials(referentialOf(previous), referential) : null,
        previous: previous ? { id: previous.id, version: previous.version } : null,
      };
    }

    const parent = await tx.referential.findUnique({
      where: { id: referential.id },
      select: { id: true, title: true, programme: true },
    });
    if (parent && parent.programme !== referential.programme) {
      throw new AppError(
        "BAD_INPUT",
        `Le référentiel ${referential.id} appartient au programme ${parent.programme} : une nouvelle version ne peut pas le rattacher à ${referential.programme}.`,
      );
    }
    if (!parent) {
      await tx.referential.create({
        data: { id: referential.id, title: referential.title, programme: referential.programme },
      });
    } else if (parent.title !== referential.title) {
      // The referential is named after its latest version; the versions themselves keep their own title.
      await tx.referential.update({ where: { id: parent.id }, data: { title: referential.title } });
    }

    const previous = await latestVersionBefore(tx, referential.id);
    // Strictly after the previous load, so "the version before" is never a tie on loadedAt.
    const now = new Date();
    const loadedAt = previous && previous.loadedAt >= now ? new Date(previous.loadedAt.getTime() + 1) : now;
    const created = await tx.referentialVersion.create({
      data: {
        referentialId: referential.id,
        version: referential.version,
        title: referential.title,
        publishedOn: isoDate(referential.publishedOn),
        content: toJson(referential),
        contentHash,
        loadedAt,
        loadedById: actor?.id ?? null,
      },
      select: { id: true },
    });
    const diff = previous ? diffReferentials(referentialOf(previous), referential) : null;
    await recordAudit(tx, {
      actorId: actor?.id ?? null,
      action: "referential.load",
      entity: "ReferentialVersion",
      entityId: created.id,
      before: null,
      after: {
        referentialId: referential.id,
        version: referential.version,
        title: referential.title,
        contentHash,
        domains: referential.domains.length,
        requirements: referential.requirements.length,
        previousVersion: previous?.version ?? null,
        diff: diff ? summarizeDiff(diff) : null,
        referentialRenamed:
          parent && parent.title !== referential.title ? { before: parent.title, after: referential.title } : undefined,
      },
      requestId: requestId ?? null,
    });
    return {
      status: "created",
      versionId: created.id,
      diff,
      previous: previous ? { id: previous.id, version: previous.version } : null,
    };
  });
}

/**
 * Loads one validated referential as a new, immutable version, with its audit row in the same
 * transaction. Same id and version with the same content: nothing is written ("unchanged"). Same id
 * and version with other content: LOCKED. `actor` null is the platform itself (start-up, CLI);
 * an actor must hold platform.manage (NOT_FOUND otherwise, like every admin entry point).
 */
export async function importReferentialVersion(
  db: Db,
  actor: Actor | null,
  referential: TReferentialFile,
  requestId?: string,
): Promise<TImportResult> {
  if (actor && !can(actor, "platform.manage")) throw notFound("Cette page");
  try {
    return await importOnce(db, actor, referential, requestId);
  } catch (error) {
    // Two loads of the same version at once: the loser sees the winner's row on a second pass.
    if (toAppError(error)?.code === "CONFLICT") return importOnce(db, actor, referential, requestId);
    throw error;
  }
}

/** Numeric-aware order of version strings: 2019.2 < 2019.10 < 2020.0. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(".");
  const pb = b.split(".");
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === undefined || y === undefined) return x === undefined ? -1 : 1;
    const nx = /^\d+$/.test(x) ? Number(x) : NaN;
    const ny = /^\d+$/.test(y) ? Number(y) : NaN;
    const order = !Number.isNaN(nx) && !Number.isNaN(ny) ? nx - ny : x.localeCompare(y);
    if (order !== 0) return order;
  }
  return 0;
}

export type TSyncedFile = { file: string; referentialId: string; version: string } & TImportResult;

/**
 * Loads every shipped file under data/referentials (scripts/db.ts prepare). All files are validated
 * before anything is written: a malformed file stops the start with its located errors. Versions of
 * one referential load in version order, so each diff compares against the version before it.
 */
export async function syncShippedReferentials(
  db: Db,
  options: { rootDir?: string; log?: (line: string) => void } = {},
): Promise<TSyncedFile[]> {
  const log = options.log ?? ((line: string) => console.log(line));
  const files = await listReferentialFiles(options.rootDir ?? REFERENTIALS_DIR);
  const parsed: { file: string; referential: TReferentialFile }[] = [];
  const errors: TParseError[] = [];
  for (const file of files) {
    const result = await loadReferentialFile(file);
    if (result.ok) parsed.push({ file, referential: result.referential });
    else errors.push(...result.errors);
  }
  if (errors.length > 0) {
    throw new Error(`Référentiels livrés invalides :\n${formatParseErrors(errors)}`);
  }
  parsed.sort(
    (a, b) =>
      a.referential.id.localeCompare(b.referential.id) || compareVersions(a.referential.version, b.referential.version),
  );

  const synced: TSyncedFile[] = [];
  for (const { file, referential } of parsed) {
    let result: TImportResult;
    try {
      result = await importReferentialVersion(db, null, referential);
    } catch (error) {
      if (error instanceof AppError) throw new Error(`${file} : ${error.message}`);
      throw error;
    }
    if (result.status === "created") {
      const summary = result.diff ? summarizeDiff(result.diff) : null;
      const changes = summary
        ? ` (par rapport à ${result.previous?.version} : ${summary.added.length} ajoutée(s), ${summary.removed.length} supprimée(s), ${summary.changed.length} modifiée(s))`
        : "";
      log(
        `Référentiel chargé : ${referential.id} ${referential.version}, ${referential.requirements.length} exigences${changes}.`,
      );
    }
    synced.push({ file, referentialId: referential.id, version: referential.version, ...result });
  }
  return synced;
}
