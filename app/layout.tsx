import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import { env } from "@/lib/core/env";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Socle", template: "%s · Socle" },
  description: "Prérequis du numérique en santé : évaluer, justifier, déposer le dossier.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: Readonly<{ children: React.ReactNode }>) {
  // Every page renders per request: the nonce of proxy.ts's Content-Security-Policy is new each
  // time, and a page built ahead would carry scripts without it (refused by the browser).
  await connection();
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
