"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useId, useRef, useState } from "react";
import { controlA11y, Field } from "@/components/ui/field";
import { sendJson } from "@/lib/core/client-fetch";
import { MAX_REFERENTIAL_BYTES, type TUploadError, type TUploadResponse } from "./upload-limits";

// Reads a YAML file in the browser and posts its text as JSON to POST /api/admin/referentials.
// A refused file comes back with located errors (line, path, problem), listed here one per line.

type Failure = { message: string; errors: TUploadError[]; total: number };

function isUploadError(value: unknown): value is TUploadError {
  const e = value as Partial<TUploadError> | null;
  return typeof e?.path === "string" && typeof e.message === "string";
}

function errorsFrom(details: unknown): { errors: TUploadError[]; total: number } {
  const d = details as { errors?: unknown; total?: unknown } | null;
  const errors = Array.isArray(d?.errors) ? d.errors.filter(isUploadError) : [];
  return { errors, total: typeof d?.total === "number" ? d.total : errors.length };
}

export function ReferentialUploadForm() {
  const router = useRouter();
  const inputId = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFieldError(undefined);
    setFailure(null);
    const file = fileRef.current?.files?.[0];
    if (!file) {
      setFieldError("Choisissez un fichier YAML de référentiel.");
      fileRef.current?.focus();
      return;
    }
    if (file.size > MAX_REFERENTIAL_BYTES) {
      setFieldError(`Le fichier dépasse la taille maximale de ${MAX_REFERENTIAL_BYTES / 1024} Ko.`);
      fileRef.current?.focus();
      return;
    }
    if (!/\.ya?ml$/i.test(file.name)) {
      setFieldError("Le fichier doit être au format YAML (.yaml ou .yml).");
      fileRef.current?.focus();
      return;
    }
    setBusy(true);
    try {
      const text = await file.text();
      const result = await sendJson<TUploadResponse>("/api/admin/referentials", { fileName: file.name, text }, "POST");
      if (result.ok) {
        router.push(`/admin/referentials/${result.data.versionId}?chargement=${result.data.status}`);
        router.refresh();
        return;
      }
      setFailure({ message: result.message, ...errorsFrom(result.details) });
    } catch {
      setFailure({
        message: "Le fichier n'a pas pu être lu : vérifiez qu'il s'agit d'un fichier texte.",
        errors: [],
        total: 0,
      });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label="Charger une version de référentiel">
      {failure ? (
        <div className="alert alert-error" role="alert" data-testid="upload-errors">
          <p style={{ margin: 0, fontWeight: 600 }}>{failure.message}</p>
          {failure.errors.length > 0 ? (
            <ul>
              {failure.errors.map((e, i) => (
                <li key={i}>
                  {e.line !== undefined ? <strong>ligne {e.line}</strong> : <strong>{e.file}</strong>} ·{" "}
                  <code>{e.path}</code> : {e.message}
                </li>
              ))}
            </ul>
          ) : null}
          {failure.total > failure.errors.length ? (
            <p className="small" style={{ margin: "0.25rem 0 0" }}>
              … et {failure.total - failure.errors.length} autre(s) erreur(s).
            </p>
          ) : null}
        </div>
      ) : null}
      <Field
        id={inputId}
        label="Fichier du référentiel"
        hint={`YAML, ${MAX_REFERENTIAL_BYTES / 1024} Ko au plus`}
        error={fieldError}
      >
        <input
          ref={fileRef}
          className="input"
          type="file"
          accept=".yaml,.yml,application/yaml,text/yaml"
          {...controlA11y(inputId, fieldError)}
          onChange={() => {
            setFieldError(undefined);
            setFailure(null);
          }}
        />
      </Field>
      <p className="muted small" style={{ margin: 0 }}>
        Une version chargée ne peut plus être modifiée : pour corriger un libellé, un code ou une cible, chargez le
        fichier sous un nouveau numéro de version. Les campagnes existantes gardent leur version.
      </p>
      <div className="form-actions">
        <button className="btn" type="submit" disabled={busy}>
          {busy ? "Chargement…" : "Vérifier et charger"}
        </button>
      </div>
    </form>
  );
}
