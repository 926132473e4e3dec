import type { ReactNode } from "react";
import type { Block } from "./blocks";
import type { TextMetrics } from "./metrics";
import { type Styles, Text, View } from "./primitives";
import { CELL_PADDING, columnWidths, RULE, s, TYPE } from "./theme";

// A table as blocks: one header row, then one unbreakable block per row; a row that opens a page
// brings the header back, under "<caption> (suite)". Each cell is one Text (styled spans inside, no
// View around it); rows are told apart by a tint on every other one (see s.tr in theme.ts).

export type Column = { title: string; width?: number; flex?: number; align?: "left" | "right" | "center"; color?: string };
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

const sizeOf = (c: Column) => (c.width !== undefined ? { width: c.width } : { flex: c.flex ?? 1 });

/** The inner text width of each column (cell padding removed). */
export function textWidths(columns: readonly Column[]): number[] {
  return columnWidths(columns.map((c) => (c.width !== undefined ? { width: c.width } : { flex: c.flex ?? 1 }))).map((w) => w - 2 * CELL_PADDING);
}

function head(spec: TableSpec, widths: number[]): Block {
  const lines = Math.max(...spec.columns.map((c, i) => spec.m.lines(c.title, TYPE.small.size, widths[i]!, true)));
  return {
    key: `${spec.key}-head`,
    height: RULE + 2 * CELL_PADDING + lines * TYPE.small.line,
    node: (
      <View key={`${spec.key}-head`} style={s.thead}>
        {spec.columns.map((c) => (
          <Text key={c.title} style={[s.th, sizeOf(c), c.align ? { textAlign: c.align } : {}, c.color ? { color: c.color } : {}]}>
            {c.title}
          </Text>
        ))}
      </View>
    ),
  };
}

/** Blocks of the table: the header (kept with the first row) and the rows; a spacer after. */
export function tableBlocks(spec: TableSpec): { head: Block; rows: Block[]; after: Block } {
  const widths = textWidths(spec.columns);
  const header = head(spec, widths);
  const captionHeight = TYPE.small.line + 3;
  const continued: Block = {
    key: `${spec.key}-continued`,
    height: captionHeight + header.height,
    node: (
      <View key={`${spec.key}-continued`}>
        <Text style={[s.smallMuted, { marginBottom: 3 }]}>{`${spec.caption} (suite)`}</Text>
        {header.node}
      </View>
    ),
  };
  const rows = spec.rows.map(({ key, cells }, index): Block => {
    const last = index === spec.rows.length - 1;
    const row = index % 2 ? s.trStriped : s.tr;
    return {
      key: `${spec.key}-${key}`,
      height: 2 * CELL_PADDING + Math.max(...cells.map((c) => c.height)) + (last ? RULE : 0),
      continuedHead: continued,
      node: (
        <View key={`${spec.key}-${key}`} style={last ? [row, s.trLast] : row} wrap={false}>
          {cells.map((cell, i) => {
            const column = spec.columns[i]!;
            return (
              <Text key={i} style={[s.td, sizeOf(column), column.align ? { textAlign: column.align } : {}, cell.style ?? {}]}>
                {cell.content}
              </Text>
            );
          })}
        </View>
      ),
    };
  });
  return { head: { ...header, keepWithNext: true }, rows, after: { key: `${spec.key}-after`, height: 10, spacer: true, node: <View key={`${spec.key}-after`} style={s.spacer} /> } };
}
