import type { ReactNode } from "react";

/**
 * The frame of the pages outside the app shell (sign-in, invitation, password): Socle's mark and
 * what the page is for on one side, the panel the person acts in on the other.
 */
export function AuthPage({ aside, children }: Readonly<{ aside: ReactNode; children: ReactNode }>) {
  return (
    <main className="auth-page" id="contenu">
      <section className="auth-aside" aria-label="Présentation">
        <div className="brand" style={{ color: "inherit" }}>
          <span className="brand-mark" aria-hidden="true">
            S
          </span>
          <span className="brand-name">Socle</span>
        </div>
        {aside}
      </section>
      <section className="auth-panel">{children}</section>
    </main>
  );
}
