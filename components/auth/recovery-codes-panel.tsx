"use client";

import { useEffect, useRef, useState } from "react";
import { FormAlert } from "@/components/ui/form-alert";

type Props = Readonly<{ codes: string[]; onContinue: () => Promise<void>; error?: string | null }>;

/** The ten recovery codes, shown once: copy, download, then confirm they are kept before going on. */
export function RecoveryCodesPanel({ codes, onContinue, error }: Props) {
  const [kept, setKept] = useState(false);
  const [busy, setBusy] = useState(false);
  const [copied, setCopied] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const text = `Codes de secours Socle (chacun ne sert qu'une fois)\n\n${codes.join("\n")}\n`;
  async function copy() {
    await navigator.clipboard?.writeText(text).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  }
  return (
    <div className="stack" style={{ gap: "1rem" }} data-testid="recovery-codes">
      <h2 style={{ margin: 0 }} tabIndex={-1} ref={heading}>
        Vos codes de secours
      </h2>
      <div className="alert alert-success" role="status">
        <p style={{ margin: 0 }}>L&apos;application d&apos;authentification est activée.</p>
      </div>
      <p style={{ margin: 0 }}>
        Si vous perdez votre téléphone, chacun de ces codes permet <strong>une</strong> connexion à la place du code de
        l&apos;application. Conservez-les hors de ce poste (gestionnaire de mots de passe, coffre) :{" "}
        <strong>ils ne seront plus jamais affichés</strong>.
      </p>
      <ol className="recovery-codes">
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ol>
      <div className="row" style={{ gap: "0.75rem" }}>
        <button type="button" className="btn btn-secondary" onClick={copy}>
          {copied ? "Codes copiés" : "Copier les codes"}
        </button>
        <a
          className="btn btn-secondary"
          href={`data:text/plain;charset=utf-8,${encodeURIComponent(text)}`}
          download="socle-codes-de-secours.txt"
        >
          Télécharger (.txt)
        </a>
      </div>
      <label className="checkbox" htmlFor="kept">
        <input id="kept" type="checkbox" checked={kept} onChange={(e) => setKept(e.target.checked)} />
        J&apos;ai conservé ces codes en lieu sûr
      </label>
      <FormAlert message={error} />
      <div className="form-actions">
        <button
          type="button"
          className="btn"
          disabled={!kept || busy}
          onClick={async () => {
            setBusy(true);
            await onContinue();
            setBusy(false);
          }}
        >
          {busy ? "Connexion…" : "Continuer vers Socle"}
        </button>
      </div>
    </div>
  );
}
