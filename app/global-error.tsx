"use client";

import "./globals.css";
import { ErrorNotice } from "@/components/ui/error-notice";

// Replaces the root layout when it fails itself, so it brings its own <html> and <body>.
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="fr">
      <body>
        <main id="contenu">
          <ErrorNotice error={error} reset={reset} />
        </main>
      </body>
    </html>
  );
}
