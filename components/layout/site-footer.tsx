import type { ReactNode } from "react";

/** The footer of every frame: Socle's line, then what this frame offers at the end (a link, a note). */
export function SiteFooter({ children }: Readonly<{ children: ReactNode }>) {
  return (
    <footer className="footer">
      <div className="footer-inner">
        <span>Socle — prérequis HOP&apos;EN, HospiConnect et CaRE</span>
        <span className="spacer" />
        {children}
      </div>
    </footer>
  );
}
