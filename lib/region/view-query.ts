import { z } from "zod";

// The view's filters and sort, read from the URL (a GET form: the page works without JavaScript and
// a view can be bookmarked or projected as is). Unknown values are dropped, never an error page.

const opt = z.string().max(64).optional().catch(undefined);

export const ZViewQuery = z.object({
  departement: opt,
  ght: opt,
  category: opt,
  sizeBand: opt,
  evidenceOnly: z
    .preprocess((v) => v === "1" || v === "on" || v === true, z.boolean())
    .catch(false)
    .default(false),
  sort: opt,
  dir: z.enum(["asc", "desc"]).catch("asc").default("asc"),
  compareA: opt,
  compareB: opt,
});

export type TViewQuery = z.output<typeof ZViewQuery>;

export function parseViewQuery(params: Record<string, string | string[] | undefined>): TViewQuery {
  const flat = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  return ZViewQuery.parse(flat);
}
