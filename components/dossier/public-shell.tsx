import Link from "next/link";
import type { ReactNode } from "react";
import { SiteFooter } from "@/components/layout/site-footer";

/** The frame of the public verification pages: no session, no navigation beyond sign-in. */
export function PublicShell({ children }: Readonly<{ children: ReactNode }>) {
  return (
    <>
      <header className="header">
        <div className="header-inner">
          <Link href="/verifier" className="brand">
            <span className="brand-mark" aria-hidden="true">
              S
            </span>
            <span>
              <span className="brand-name">Socle</span>
              <span className="brand-tagline">Vérification des dossiers</span>
            </span>
          </Link>
          <span className="spacer" />
          <Link href="/login" className="small">
            Connexion
          </Link>
        </div>
      </header>
      <main className="main" id="contenu" style={{ maxWidth: 900 }}>
        {children}
      </main>
      <SiteFooter>
        <span>Aucune donnée des dossiers n&apos;est affichée ici : seulement leur authenticité.</span>
      </SiteFooter>
    </>
  );
}
