import type { DossierPayload, DossierStatus } from "../types";
import { FONT_FAMILY } from "./fonts";
import { createStyles } from "./primitives";

// The site's sober public-sector palette (app/globals.css), in points on A4.
export const COLORS = {
  blue: "#1f3a93",
  blueDark: "#142a6e",
  blueLight: "#e8edff",
  ink: "#161616",
  muted: "#555b66",
  line: "#d9dce3",
  headBg: "#f0f2f7",
  green: "#18753c",
  greenLight: "#e3f4e8",
  red: "#c9191e",
  redLight: "#fdecec",
  orange: "#a34a00",
  orangeLight: "#fff1e0",
  grey: "#eceef2",
  /** Every other row of a table. */
  zebra: "#f5f6f9",
  /** The rules under a table's header and under its last row. */
  rule: "#b9bfcc",
} as const;

export const STATUS_COLORS: Record<DossierStatus, { fg: string; bg: string }> = {
  met: { fg: COLORS.green, bg: COLORS.greenLight },
  partial: { fg: COLORS.orange, bg: COLORS.orangeLight },
  not_met: { fg: COLORS.red, bg: COLORS.redLight },
  unknown: { fg: COLORS.muted, bg: COLORS.grey },
  not_applicable: { fg: COLORS.muted, bg: COLORS.grey },
};

/** The verdict's colour: muted on a draft (no verdict yet), else green, orange when reserved, red. */
export function verdictTone(payload: Pick<DossierPayload, "isDraft" | "verdict">): string {
  if (payload.isDraft) return COLORS.muted;
  if (payload.verdict.eligible) return COLORS.green;
  return payload.verdict.status === "reserved" ? COLORS.orange : COLORS.red;
}

export const PAGE_MARGIN_X = 42;
export const PAGE_PADDING_TOP = 62;
export const PAGE_PADDING_BOTTOM = 58;
/** A4 in points. */
export const PAGE = { width: 595.28, height: 841.89 } as const;
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE_MARGIN_X;
/** The height of an A4 page's content box, between the top and bottom paddings. */
export const CONTENT_HEIGHT = PAGE.height - PAGE_PADDING_TOP - PAGE_PADDING_BOTTOM;
/** What one page holds, less a little slack for the estimates. */
export const PAGE_CAPACITY = CONTENT_HEIGHT * 0.97;

/** Font sizes and line boxes (size × line height), shared by the styles and the height estimates. */
export const TYPE = {
  body: { size: 8.5, line: 8.5 * 1.35 },
  small: { size: 7.5, line: 7.5 * 1.3 },
  tag: { size: 6.5, line: 6.5 * 1.3 },
  badge: { size: 7, line: 7 * 1.3 },
  h1: { size: 17, line: 17 * 1.25 },
  h2: { size: 12.5, line: 12.5 * 1.25 },
  h3: { size: 10, line: 10 * 1.25 },
} as const;
export const CELL_PADDING = 4;
/** The one rule under a table's header, and under its last row. */
export const RULE = 0.75;

/** Widths of a row's cells: fixed widths, the rest shared by flex weights. */
export function columnWidths(
  columns: readonly ({ width: number } | { flex: number })[],
  total: number = CONTENT_WIDTH,
): number[] {
  const fixed = columns.reduce((n, c) => n + ("width" in c ? c.width : 0), 0);
  const flex = columns.reduce((n, c) => n + ("flex" in c ? c.flex : 0), 0);
  return columns.map((c) => ("width" in c ? c.width : ((total - fixed) * c.flex) / flex));
}

export const s = createStyles({
  // No lineHeight on the page itself: react-pdf 4.9 then drops the absolutely placed fixed footer.
  // Body text gets it from the content wrapper below.
  page: {
    fontFamily: FONT_FAMILY,
    fontSize: 8.5,
    color: COLORS.ink,
    paddingTop: PAGE_PADDING_TOP,
    paddingBottom: PAGE_PADDING_BOTTOM,
    paddingHorizontal: PAGE_MARGIN_X,
  },
  body: { fontSize: TYPE.body.size, lineHeight: 1.35 },
  // A page that does not wrap is as tall as its content (react-pdf gives it the A4 height only
  // when it splits pages): the body is held at least as tall as the A4 content box, so the page is
  // A4 and the absolute footer sits at its place; content taller than that makes the body taller,
  // which render.ts reads from the layout as an overflow.
  bodyFullPage: { minHeight: CONTENT_HEIGHT },
  // Header and footer: two absolutely placed Texts each, no View around them (the rule is the
  // left one's border, drawn the whole width; room is kept on its right for the right one).
  header: {
    position: "absolute",
    top: 24,
    left: PAGE_MARGIN_X,
    right: PAGE_MARGIN_X,
    borderBottomWidth: 0.75,
    borderBottomColor: COLORS.blue,
    paddingBottom: 5,
    paddingRight: CONTENT_WIDTH * 0.4 + 12,
    fontSize: 7.5,
    lineHeight: 1.2,
    fontWeight: 700,
    color: COLORS.blueDark,
  },
  headerRight: {
    position: "absolute",
    top: 24,
    right: PAGE_MARGIN_X,
    width: CONTENT_WIDTH * 0.4,
    textAlign: "right",
    fontSize: 7.5,
    lineHeight: 1.2,
    color: COLORS.muted,
  },
  footer: {
    position: "absolute",
    bottom: 22,
    left: PAGE_MARGIN_X,
    right: PAGE_MARGIN_X,
    borderTopWidth: 0.5,
    borderTopColor: COLORS.line,
    paddingTop: 5,
    paddingRight: 72,
    fontSize: 7.5,
    lineHeight: 1.2,
    color: COLORS.ink,
  },
  footerRight: {
    position: "absolute",
    bottom: 22,
    right: PAGE_MARGIN_X,
    width: 70,
    textAlign: "right",
    fontSize: 7.5,
    lineHeight: 1.2,
    color: COLORS.ink,
  },
  // Demo data: a band above the header on every page (never mistaken for a real dossier).
  demoMark: {
    position: "absolute",
    top: 10,
    left: PAGE_MARGIN_X,
    right: PAGE_MARGIN_X,
    textAlign: "center",
    fontSize: 7.5,
    lineHeight: 1.2,
    fontWeight: 700,
    color: COLORS.orange,
  },
  watermark: {
    position: "absolute",
    // Placed within the page's content box (below the 62 pt top padding): centred on the page.
    top: 387,
    left: -90,
    right: -70,
    textAlign: "center",
    fontSize: 42,
    fontWeight: 700,
    color: COLORS.red,
    opacity: 0.13,
    transform: "rotate(-42deg)",
  },
  h1: { fontSize: 17, lineHeight: 1.25, fontWeight: 700, color: COLORS.blueDark, marginBottom: 10 },
  h2: { fontSize: 12.5, lineHeight: 1.25, fontWeight: 700, color: COLORS.blueDark, marginBottom: 6, marginTop: 4 },
  h3: { fontSize: 10, lineHeight: 1.25, fontWeight: 700, color: COLORS.ink, marginBottom: 4 },
  p: { marginBottom: 6 },
  muted: { color: COLORS.muted },
  small: { fontSize: 7.5, lineHeight: 1.3 },
  bold: { fontWeight: 700 },
  box: { borderWidth: 0.75, borderColor: COLORS.line, borderRadius: 4, padding: 10, marginBottom: 10 },
  // Tables, drawn light: a tinted header row over one rule, then rows told apart by a tint on every
  // other one instead of a grid (each border side is a path of its own for react-pdf; a tint is one
  // rectangle), and one rule under the last row. A View only for the header and the tinted rows:
  // see table.tsx.
  table: { flexDirection: "row", flexWrap: "wrap" },
  caption: { width: "100%", fontSize: 7.5, lineHeight: 1.3, color: COLORS.muted, marginBottom: 3 },
  thead: {
    flexDirection: "row",
    width: "100%",
    backgroundColor: COLORS.headBg,
    borderBottomWidth: RULE,
    borderBottomColor: COLORS.rule,
  },
  th: {
    paddingVertical: CELL_PADDING,
    paddingHorizontal: CELL_PADDING,
    fontWeight: 700,
    fontSize: 7.5,
    lineHeight: 1.3,
  },
  td: { paddingVertical: CELL_PADDING, paddingHorizontal: CELL_PADDING },
  trStriped: { flexDirection: "row", width: "100%", backgroundColor: COLORS.zebra },
  tdLast: { borderBottomWidth: RULE, borderBottomColor: COLORS.rule },
  num: { textAlign: "right" },
  badge: {
    fontSize: 7,
    lineHeight: 1.3,
    fontWeight: 700,
    paddingVertical: 1.5,
    paddingHorizontal: 4,
    borderRadius: 6,
    alignSelf: "flex-start",
  },
  tag: { fontSize: 6.5, lineHeight: 1.3, fontWeight: 700, color: COLORS.red },
  smallMuted: { fontSize: 7.5, lineHeight: 1.3, color: COLORS.muted },
  /** A requirement's status, before its answer (colours from STATUS_COLORS). */
  status: { fontWeight: 700 },
  /** A requirement's code, before its label. */
  code: { fontWeight: 700, color: COLORS.blue },
  /** An answer carried over from last year, to confirm. */
  toConfirm: { fontSize: 7.5, lineHeight: 1.3, color: COLORS.orange },
  /** A gap's nature. */
  missing: { fontWeight: 700, color: COLORS.red },
  toInvestigate: { fontWeight: 700, color: COLORS.orange },
  /** A requirement whose wording is reconstructed (reliability L). */
  lowConfidence: { fontSize: 7.5, lineHeight: 1.3, fontWeight: 700, color: COLORS.orange },
  spacer: { height: 10 },
});
