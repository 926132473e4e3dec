import Link from "next/link";
import type { ReactNode } from "react";

/**
 * A sign-in outcome that leaves the person outside (an unknown account, a refused exchange): one
 * centred panel, what happened and what to do, then the way back to the sign-in page.
 */
export function AuthNotice({ width, children }: Readonly<{ width: number; children: ReactNode }>) {
  return (
    <main className="auth-page" id="contenu">
      <section className="auth-panel" style={{ gridColumn: "1 / -1", maxWidth: width, margin: "0 auto" }}>
        {children}
        <p style={{ marginTop: "1.5rem" }}>
          <Link className="btn" href="/login">
            Retour à la connexion
          </Link>
        </p>
      </section>
    </main>
  );
}
