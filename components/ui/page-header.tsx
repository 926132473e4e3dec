import Link from "next/link";
import { Fragment, type ReactNode } from "react";

/** One step of the breadcrumb: a link, or the current page's name when it has no href. */
export type Crumb = Readonly<{ href?: string; label: ReactNode }>;

/** Every signed-in breadcrumb starts at the home page. */
export const HOME_CRUMB: Crumb = { href: "/", label: "Accueil" };

type Props = Readonly<{
  crumbs?: readonly Crumb[];
  title: ReactNode;
  /** Shown right after the title (status badges); given, even null, the title sits in a row. */
  badges?: ReactNode;
  /** Pushed to the end of the title's row (the page's main button). */
  actions?: ReactNode;
  /** What the page is about, under the title (paragraphs). */
  children?: ReactNode;
}>;

/** The top of a page: breadcrumb, h1 (with its badges and main action on one row), description. */
export function PageHeader({ crumbs, title, badges, actions, children }: Props) {
  return (
    <div className="page-header">
      {crumbs ? (
        <p className="breadcrumb">
          {crumbs.map((c, i) => (
            <Fragment key={i}>
              {i > 0 ? " › " : null}
              {c.href ? <Link href={c.href}>{c.label}</Link> : c.label}
            </Fragment>
          ))}
        </p>
      ) : null}
      {badges !== undefined || actions !== undefined ? (
        <div className="row">
          <h1 style={{ margin: 0 }}>{title}</h1>
          {badges}
          {actions ? (
            <>
              <span className="spacer" />
              {actions}
            </>
          ) : null}
        </div>
      ) : (
        <h1>{title}</h1>
      )}
      {children}
    </div>
  );
}
