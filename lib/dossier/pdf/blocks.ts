import { createElement, type ReactElement, type ReactNode } from "react";

// The dossier is cut into pages before react-pdf sees it. react-pdf 4.9 re-lays out everything
// left in a page run at each page break, and once more per page for a "page X / Y" render prop:
// a 20-page run costs several times a plain document. Cut here, each <Page> holds one page of
// content and prints its number as plain text. Heights are estimates from the real font metrics
// (metrics.ts); render.ts falls back to react-pdf's own pagination if an estimate was short.

export type Block = {
  key: string;
  /** Height in points, margins included. */
  height: number;
  node: ReactElement | ReactElement[];
  /** Stays on the same page as the next block (a title with its table's header and first row). */
  keepWithNext?: boolean;
  /** Drawn first when this block opens a page (a table's header row, "… (suite)"). */
  continuedHead?: Block;
  /** The last row of its table: never alone at the top of a page (see paginate). */
  lastRow?: boolean;
  /** Spacing only: dropped when it would open a page. */
  spacer?: boolean;
  /**
   * The key of the table this block is a row (or header) of: its node is that row's cells, laid out
   * with the table's other blocks on the same page in one row-wrapping View (see table.tsx).
   */
  table?: string;
};

/** The nodes of a page's blocks, the consecutive rows of a table gathered in one `Rows` element. */
export function pageContent(
  blocks: readonly Block[],
  Rows: (props: { children?: ReactNode }) => ReactElement,
): ReactNode[] {
  const content: ReactNode[] = [];
  let rows: ReactNode[] | null = null;
  let table: string | undefined;
  for (const block of blocks) {
    if (block.table && block.table === table && rows) {
      rows.push(block.node);
    } else if (block.table) {
      rows = [block.node];
      table = block.table;
      content.push(createElement(Rows, { key: `${block.key}-rows` }, rows));
    } else {
      rows = null;
      table = undefined;
      content.push(block.node);
    }
  }
  return content;
}

/** A row of a table (its header comes back above it on a new page); headers have none. */
const isRow = (block: Block | undefined, table: string | undefined): block is Block =>
  !!block?.continuedHead && block.table === table;

/**
 * The row to carry over with a table's last row, which would otherwise open a page alone (a
 * widow): the row before it, when the page keeps at least one other row of the table and the two
 * rows fit together under the repeated header.
 */
function widowPartner(page: readonly Block[], next: Block, height: number, capacity: number): Block | undefined {
  if (!next.lastRow || !next.continuedHead) return undefined;
  const previous = page.at(-1);
  if (!isRow(previous, next.table) || !isRow(page.at(-2), next.table)) return undefined;
  return next.continuedHead.height + previous.height + height <= capacity ? previous : undefined;
}

/** Fills pages of `capacity` points with the blocks in order; returns the blocks of each page. */
export function paginate(blocks: readonly Block[], capacity: number): Block[][] {
  const pages: Block[][] = [[]];
  let used = 0;
  for (let i = 0; i < blocks.length;) {
    let j = i;
    while (blocks[j]!.keepWithNext && j + 1 < blocks.length) j++;
    const group = blocks.slice(i, j + 1);
    i = j + 1;
    const first = group[0]!;
    if (first.spacer && used === 0) continue;
    const height = group.reduce((h, b) => h + b.height, 0);
    if (used > 0 && used + height > capacity) {
      const widow = widowPartner(pages.at(-1)!, first, height, capacity);
      if (widow) pages.at(-1)!.pop();
      pages.push([]);
      used = 0;
      if (first.spacer) continue;
      if (first.continuedHead) {
        pages.at(-1)!.push(first.continuedHead);
        used += first.continuedHead.height;
      }
      if (widow) {
        pages.at(-1)!.push(widow);
        used += widow.height;
      }
    }
    pages.at(-1)!.push(...group);
    used += height;
  }
  return pages.filter((p, k) => p.length > 0 || k === 0);
}
