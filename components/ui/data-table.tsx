import type { ReactNode } from "react";

type Props = Readonly<{
  /** Read by screen readers only (the page's heading already says it on screen). */
  caption?: ReactNode;
  /** The header row's cells. */
  head: ReactNode;
  /** The body's rows. */
  children: ReactNode;
  /** Inside a card: no shadow of its own. */
  flat?: boolean;
  /** A table wider than the screen: the wrapper is a named region reachable by keyboard, to scroll it. */
  scrollLabel?: string;
  testId?: string;
}>;

/** The app's table: a scrolling wrapper, one header row, the rows given. */
export function DataTable({ caption, head, children, flat, scrollLabel, testId }: Props) {
  return (
    <div
      className="table-wrap"
      style={flat ? { boxShadow: "none" } : undefined}
      {...(scrollLabel ? { tabIndex: 0, role: "region", "aria-label": scrollLabel } : {})}
    >
      <table className="table" data-testid={testId}>
        {caption ? <caption className="visually-hidden">{caption}</caption> : null}
        <thead>
          <tr>{head}</tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
