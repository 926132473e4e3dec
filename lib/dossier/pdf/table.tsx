import type { ReactElement, ReactNode } from "react";
import type { Block } from "./blocks";
import type { TextMetrics } from "./metrics";
import { type Styles, Text, View } from "./primitives";
import { CELL_PADDING, columnWidths, RULE, s, TYPE } from "./theme";

// A table as blocks: one header row, then one unbreakable block per row; a row that opens a page
// brings the header back, under "<caption> (suite)". No View per row: a row is its cells, one Text
// each (styled spans inside), and the rows of a table on a page are laid out together in one
// row-wrapping View (see document.tsx), each cell as wide as its column, so that the cells of a
// row stretch to the same height. Rows are told apart by a tint on every other one, not by a grid:
// only those rows, and the header, have a View (see `striped`).

export type Column = {
  title: string;
  width?: number;
  flex?: number;
  align?: "left" | "right" | "center";
  color?: string;
};
/** A cell: its content (one Text, spans inside) and the height that content takes (padding excluded). */
export type Cell = { content: ReactNode; height: number; style?: Styles[string] };

export type TableSpec = {
  key: string;
  columns: Column[];
  rows: { key: string; cells: Cell[] }[];
  /** Shown above the header when the table continues on a new page. */
  caption: string;
  m: TextMetrics;
};

/** The outer width of each column; the last a hair narrower, so that rounding never wraps a cell to the next line. */
function outerWidths(columns: readonly Column[]): number[] {
  const widths = columnWidths(columns.map((c) => (c.width !== undefined ? { width: c.width } : { flex: c.flex ?? 1 })));
  widths[widths.length - 1]! -= 0.01;
  return widths;
}

/** The inner text width of each column (cell padding removed). */
export function textWidths(columns: readonly Column[]): number[] {
  return outerWidths(columns).map((w) => w - 2 * CELL_PADDING);
}

/** Lays out the nodes of table blocks (their cells) in rows; see Block.table. */
export function TableRows({ children }: Readonly<{ children?: ReactNode }>) {
  return <View style={s.table}>{children}</View>;
}

// A plain row is its cells, straight in the table's rows; a tinted one is wrapped in a View that
// draws the tint (on the cells, their spans would inherit it and each draw it again).
const plain = (_key: string, cells: ReactElement[]) => cells;
const striped = (key: string, cells: ReactElement[]) => (
  <View key={key} style={s.trStriped} wrap={false}>
    {cells}
  </View>
);

/** Blocks of the table: the header (kept with the first row) and the rows; a spacer after. */
export function tableBlocks(spec: TableSpec): { head: Block; rows: Block[]; after: Block } {
  const outer = outerWidths(spec.columns);
  const widths = outer.map((w) => w - 2 * CELL_PADDING);
  const align = (c: Column) => (c.align ? { textAlign: c.align } : {});
  // The header row in one View, which draws its tint and rule (tints drawn cell by cell leave a
  // hairline seam between the cells).
  const headCells = (prefix: string) => (
    <View key={prefix} style={s.thead}>
      {spec.columns.map((c, i) => (
        <Text key={i} style={[s.th, { width: outer[i]! }, align(c), c.color ? { color: c.color } : {}]}>
          {c.title}
        </Text>
      ))}
    </View>
  );
  const lines = Math.max(...spec.columns.map((c, i) => spec.m.lines(c.title, TYPE.small.size, widths[i]!, true)));
  const header: Block = {
    key: `${spec.key}-head`,
    table: spec.key,
    height: RULE + 2 * CELL_PADDING + lines * TYPE.small.line,
    node: headCells(`${spec.key}-head`),
  };
  const continued: Block = {
    key: `${spec.key}-continued`,
    table: spec.key,
    height: TYPE.small.line + 3 + header.height,
    node: [
      <Text key={`${spec.key}-caption`} style={s.caption}>
        {`${spec.caption} (suite)`}
      </Text>,
      headCells(`${spec.key}-continued`),
    ],
  };
  // One style object a column (and one for the last row): nothing to merge per cell.
  const cellStyles = spec.columns.map((c, i) => ({ ...s.td, width: outer[i]!, ...align(c) }));
  const lastStyles = cellStyles.map((style) => ({ ...style, ...s.tdLast }));
  const rows = spec.rows.map(({ key, cells }, index): Block => {
    const last = index === spec.rows.length - 1;
    return {
      key: `${spec.key}-${key}`,
      table: spec.key,
      height: 2 * CELL_PADDING + Math.max(...cells.map((c) => c.height)) + (last ? RULE : 0),
      continuedHead: continued,
      lastRow: last,
      node: (index % 2 ? striped : plain)(
        `${spec.key}-${key}`,
        cells.map((cell, i) => (
          <Text
            key={`${spec.key}-${key}-${i}`}
            wrap={false}
            style={
              cell.style ? [(last ? lastStyles : cellStyles)[i]!, cell.style] : (last ? lastStyles : cellStyles)[i]
            }
          >
            {cell.content}
          </Text>
        )),
      ),
    };
  });
  return {
    head: { ...header, keepWithNext: true },
    rows,
    after: {
      key: `${spec.key}-after`,
      height: 10,
      spacer: true,
      node: <View key={`${spec.key}-after`} style={s.spacer} />,
    },
  };
}
