import Link from "next/link";
import type { MemberRowView } from "@/lib/region/member-views";
import { MemberRow } from "./member-row";

export type SortState = { sort: string; dir: "asc" | "desc" };

type Props = Readonly<{
  rows: MemberRowView[];
  domains: { code: string; title: string }[];
  caption: string;
  showGht?: boolean;
  /** Sortable headers (the delegate's view); the preview passes nothing. */
  sorting?: { state: SortState; href: (sort: string, dir: "asc" | "desc") => string };
}>;

/** The members' table: sort on any column by the header links (server-side, works without JavaScript). */
export function MemberTable({ rows, domains, caption, showGht = true, sorting }: Props) {
  const columns = [
    { key: "name", label: "Établissement" },
    { key: "departement", label: "Département" },
    ...(showGht ? [{ key: "ght", label: "GHT" }] : []),
    { key: "category", label: "Catégorie" },
    { key: "sizeBand", label: "Séjours/an", title: "Taille : séjours par an de l'entité juridique" },
    { key: "participation", label: "Avancement" },
    { key: "verdict", label: "Verdict" },
    { key: "overall", label: "Score global", num: true },
    ...domains.map((d) => ({ key: `domain:${d.code}`, label: d.code, title: d.title, num: true })),
  ] as { key: string; label: string; title?: string; num?: boolean }[];
  return (
    <div className="stack-tight">
      {/* Focusable: a narrow screen scrolls it sideways, and the keyboard must be able to as well. */}
      <div className="table-wrap" role="region" aria-label={caption} tabIndex={0}>
        <table className="table member-table">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => {
                const active = sorting?.state.sort === c.key;
                const ariaSort = active ? (sorting!.state.dir === "asc" ? "ascending" : "descending") : undefined;
                const nextDir = active && sorting!.state.dir === "asc" ? "desc" : "asc";
                return (
                  <th
                    key={c.key}
                    scope="col"
                    aria-sort={ariaSort}
                    className={c.num ? "num" : undefined}
                    title={c.title}
                  >
                    {sorting ? (
                      <Link href={sorting.href(c.key, nextDir)} className="sort-link" scroll={false}>
                        {c.label}
                        <span aria-hidden="true">{active ? (sorting.state.dir === "asc" ? " ▲" : " ▼") : " ↕"}</span>
                        {c.title ? <span className="visually-hidden"> — {c.title}</span> : null}
                      </Link>
                    ) : (
                      c.label
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <MemberRow key={r.id} row={r} showGht={showGht} />
            ))}
          </tbody>
        </table>
      </div>
      <p className="small muted">
        NP : détail non partagé par l&apos;établissement · n. a. : sans objet · — : pas de résultat soumis.
      </p>
    </div>
  );
}
