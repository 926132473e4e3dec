import { canonicalJson } from "./canonical-json";
import type { TDomain, TReferentialFile, TRequirement } from "./schemas";

// Differences between two versions of a referential, matched by code (codes are the stable keys
// answers hang on). Pure: the admin UI shows it before a new version is published.

export type TFieldChange = { field: string; before: unknown; after: unknown };
export type TItemChange = { code: string; fields: TFieldChange[] };

export type TReferentialDiff = {
  added: TRequirement[];
  removed: TRequirement[];
  changed: TItemChange[];
  /** A renamed domain is a change of its `title` field. */
  domains: { added: TDomain[]; removed: TDomain[]; changed: TItemChange[] };
  /** Top-level fields other than domains and requirements (title, options, eligibility…). */
  metadata: TFieldChange[];
};

/** Fields whose value differs, compared as canonical JSON so key order and nesting don't matter. */
function changedFields<T extends object>(before: T, after: T, ignore: readonly string[] = []): TFieldChange[] {
  const fields = new Set([...Object.keys(before), ...Object.keys(after)]);
  const changes: TFieldChange[] = [];
  for (const field of [...fields].sort()) {
    if (ignore.includes(field)) continue;
    const a = (before as Record<string, unknown>)[field];
    const b = (after as Record<string, unknown>)[field];
    if (canonicalJson(a) !== canonicalJson(b)) changes.push({ field, before: a, after: b });
  }
  return changes;
}

function diffByCode<T extends { code: string }>(previous: readonly T[], next: readonly T[]) {
  const before = new Map(previous.map((item) => [item.code, item]));
  const after = new Map(next.map((item) => [item.code, item]));
  const changed: TItemChange[] = [];
  for (const item of next) {
    const old = before.get(item.code);
    const fields = old ? changedFields(old, item) : [];
    if (fields.length > 0) changed.push({ code: item.code, fields });
  }
  return {
    added: next.filter((item) => !before.has(item.code)),
    removed: previous.filter((item) => !after.has(item.code)),
    changed,
  };
}

export function diffReferentials(previous: TReferentialFile, next: TReferentialFile): TReferentialDiff {
  return {
    ...diffByCode(previous.requirements, next.requirements),
    domains: diffByCode(previous.domains, next.domains),
    // version and publishedOn always differ between versions: not worth listing.
    metadata: changedFields(previous, next, ["requirements", "domains", "version", "publishedOn"]),
  };
}
