import type { Metadata, Viewport } from "next";
import { env } from "@/lib/core/env";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Socle", template: "%s · Socle" },
  description: "Prérequis du numérique en santé : évaluer, justifier, déposer le dossier.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: Readonly<{ children: React.ReactNode }>) {
  return (
    <html lang="fr">
      <body>
        <a className="skip-link" href="#contenu">
          Aller au contenu
        </a>
        {env.demo ? (
          <div className="demo-banner" role="note" data-testid="demo-banner">
            <strong>Démonstration</strong> — établissements, personnes, éditeurs et dossiers fictifs : aucune donnée ne
            décrit un établissement réel.
          </div>
        ) : null}
        {children}
      </body>
    </html>
  );
}
