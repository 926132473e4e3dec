/** The codes recorded for each site ({ [siteId]: codes }), keeping only the rule's codes: stored JSON is not trusted. */
export function readSiteCoverage(value: unknown, codes: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (!value || typeof value !== "object" || Array.isArray(value)) return out;
  for (const [siteId, list] of Object.entries(value as Record<string, unknown>))
    if (Array.isArray(list))
      out.set(
        siteId,
        codes.filter((c) => list.includes(c)),
      );
  return out;
}
