"use client";

import { type ChangeEvent, type DragEvent, type FormEvent, useId, useState } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { formatFileSize } from "@/lib/evidence/format";
import { MAX_VERIFY_BYTES, type VerifyResult } from "@/lib/dossier/verify-shared";
import { VerifyResultView } from "./verify-result";

type Outcome = { result: VerifyResult; by: "code" | "file" } | null;

async function post(body: BodyInit, headers?: HeadersInit): Promise<{ result?: VerifyResult; error?: string }> {
  try {
    const response = await fetch("/api/verifier", { method: "POST", body, headers });
    const payload = (await response.json().catch(() => null)) as {
      result?: VerifyResult;
      error?: { message?: string };
    } | null;
    if (response.ok && payload?.result) return { result: payload.result };
    return { error: payload?.error?.message ?? `La vérification a échoué (erreur ${response.status}) : réessayez.` };
  } catch {
    return { error: "Connexion impossible : vérifiez votre réseau puis réessayez." };
  }
}

/** Type the code printed on the dossier, or drop the PDF received: Socle says whether it issued it. */
export function VerifyForm({ initialCode = "" }: Readonly<{ initialCode?: string }>) {
  const codeId = useId();
  const fileId = useId();
  const [code, setCode] = useState(initialCode);
  const [busy, setBusy] = useState<"code" | "file" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [dragging, setDragging] = useState(false);
  const [fileFocused, setFileFocused] = useState(false);

  async function checkCode(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setOutcome(null);
    if (!code.trim()) {
      setError("Saisissez le code de vérification imprimé en pied de page du dossier.");
      return;
    }
    setBusy("code");
    const { result, error: message } = await post(JSON.stringify({ code }), { "content-type": "application/json" });
    setBusy(null);
    if (result) setOutcome({ result, by: "code" });
    else setError(message ?? null);
  }

  async function checkFile(file: File | undefined) {
    setError(null);
    setOutcome(null);
    if (!file) return;
    if (file.size > MAX_VERIFY_BYTES) {
      setError(`Ce fichier pèse ${formatFileSize(file.size)} : un dossier émis par Socle ne dépasse pas 20 Mo.`);
      return;
    }
    const form = new FormData();
    form.append("file", file);
    setBusy("file");
    const { result, error: message } = await post(form);
    setBusy(null);
    if (result) setOutcome({ result, by: "file" });
    else setError(message ?? null);
  }

  const onDrop = (event: DragEvent<HTMLLabelElement>) => {
    event.preventDefault();
    setDragging(false);
    void checkFile(event.dataTransfer.files[0]);
  };

  return (
    <div className="stack">
      <div aria-live="polite">
        <FormAlert message={error} />
        {outcome ? <VerifyResultView result={outcome.result} by={outcome.by} /> : null}
      </div>
      <div className="grid" style={{ gridTemplateColumns: "repeat(auto-fit, minmax(280px, 1fr))" }}>
        <form className="card stack" onSubmit={checkCode} noValidate>
          <h2 style={{ margin: 0 }}>Par le code</h2>
          <div className="field">
            <label htmlFor={codeId}>
              Code de vérification<span className="hint"> — 12 caractères, en pied de page du dossier</span>
            </label>
            <input
              id={codeId}
              className="input"
              name="code"
              value={code}
              onChange={(e: ChangeEvent<HTMLInputElement>) => setCode(e.target.value)}
              placeholder="XXXX-XXXX-XXXX"
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              maxLength={32}
              style={{ fontVariantNumeric: "tabular-nums", letterSpacing: "0.08em", textTransform: "uppercase" }}
            />
          </div>
          <div>
            <button className="btn" type="submit" disabled={busy !== null}>
              {busy === "code" ? "Vérification…" : "Vérifier le code"}
            </button>
          </div>
        </form>
        <div className="card stack">
          <h2 style={{ margin: 0 }}>Par le fichier</h2>
          <label
            htmlFor={fileId}
            className="verify-drop"
            data-dragging={dragging ? "true" : undefined}
            onDragOver={(e) => {
              e.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={onDrop}
            style={{
              display: "block",
              border: `2px dashed ${dragging ? "var(--blue)" : "#8a8f99"}`,
              background: dragging ? "var(--blue-light)" : "var(--white)",
              borderRadius: "var(--radius)",
              padding: "1.25rem",
              textAlign: "center",
              cursor: "pointer",
              outline: fileFocused ? "3px solid #0a76f6" : undefined,
              outlineOffset: 2,
            }}
          >
            <strong>{busy === "file" ? "Vérification du fichier…" : "Déposez ici le PDF reçu"}</strong>
            <span className="small muted" style={{ display: "block" }}>
              ou cliquez pour le choisir (20 Mo au plus). Le fichier n&apos;est pas conservé : seule son empreinte est
              comparée.
            </span>
          </label>
          <input
            id={fileId}
            type="file"
            accept=".pdf,application/pdf"
            className="visually-hidden"
            onChange={(e) => {
              void checkFile(e.target.files?.[0]);
              e.target.value = "";
            }}
            onFocus={() => setFileFocused(true)}
            onBlur={() => setFileFocused(false)}
            disabled={busy !== null}
          />
        </div>
      </div>
    </div>
  );
}
