"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useId, useRef, useState } from "react";
import { controlA11y, Field } from "@/components/ui/field";
import { sendJson } from "@/lib/core/client-fetch";
import { decodeCsvBytes, parseInventoryCsv } from "@/lib/inventory/csv";
import {
  IMPORT_MODE_LABELS,
  IMPORT_MODES,
  MAX_IMPORT_BYTES,
  MAX_REPORTED_ERRORS,
  type TCsvError,
  type TImportMode,
  type TImportSummary,
} from "@/lib/inventory/schemas";
import { DataTable } from "@/components/ui/data-table";

type Props = Readonly<{ establishmentId: string; currentCount: number }>;

type State =
  | { kind: "idle" }
  | { kind: "refused"; message: string; errors: TCsvError[]; total: number }
  | { kind: "confirm"; text: string; rows: number }
  | { kind: "done"; summary: TImportSummary };

const plural = (n: number, word: string) => `${n.toLocaleString("fr-FR")} ${word}${n > 1 ? "s" : ""}`;
const NOTHING_IMPORTED = "Aucune ligne n'a été importée.";

/**
 * Import a CSV: the file is read in the browser (UTF-8, or Windows-1252 as French Excel saves it)
 * and checked there first, then sent as text; the server checks it again and writes all or nothing.
 */
export function ImportPanel({ establishmentId, currentCount }: Props) {
  const router = useRouter();
  const fileRef = useRef<HTMLInputElement>(null);
  const [mode, setMode] = useState<TImportMode>("merge");
  const [fileError, setFileError] = useState<string | null>(null);
  const [state, setState] = useState<State>({ kind: "idle" });
  const [busy, setBusy] = useState(false);
  const headingId = useId();

  async function send(text: string) {
    setBusy(true);
    const result = await sendJson<TImportSummary>(`/api/establishments/${establishmentId}/inventory/import`, {
      text,
      mode,
    });
    setBusy(false);
    if (result.ok) {
      setState({ kind: "done", summary: result.data });
      if (fileRef.current) fileRef.current.value = "";
      router.refresh();
      return;
    }
    const details = result.details as { errors?: TCsvError[]; total?: number } | undefined;
    const errors = details?.errors ?? [];
    setState({ kind: "refused", message: result.message, errors, total: details?.total ?? errors.length });
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFileError(null);
    setState({ kind: "idle" });
    const file = fileRef.current?.files?.[0];
    if (!file) {
      setFileError("Choisissez un fichier CSV.");
      fileRef.current?.focus();
      return;
    }
    if (file.size > MAX_IMPORT_BYTES) {
      setFileError(`Le fichier dépasse la taille maximale de ${MAX_IMPORT_BYTES / 1024 / 1024} Mo.`);
      fileRef.current?.focus();
      return;
    }
    const text = decodeCsvBytes(await file.arrayBuffer());
    const parsed = parseInventoryCsv(text);
    if (!parsed.ok) {
      const total = parsed.errors.length;
      setState({
        kind: "refused",
        message: `${NOTHING_IMPORTED} Le fichier compte ${plural(total, "problème")} à corriger.`,
        errors: parsed.errors.slice(0, MAX_REPORTED_ERRORS),
        total,
      });
      return;
    }
    if (mode === "replace" && currentCount > 0) {
      setState({ kind: "confirm", text, rows: parsed.rows.length });
      return;
    }
    await send(text);
  }

  return (
    <section className="card stack" aria-labelledby={headingId}>
      <h2 id={headingId} style={{ margin: 0 }}>
        Importer un fichier
      </h2>
      <p className="muted" style={{ margin: 0, maxWidth: "75ch" }}>
        Un fichier CSV (séparateur « ; » ou « , »), avec l&apos;en-tête du modèle. Oui / non pour les cinq dernières
        colonnes ; les domaines séparés par « | » ; l&apos;hébergement « sur site », « externalisé » ou « SaaS ». Si une
        seule ligne est fausse, rien n&apos;est importé et chaque problème est signalé avec sa ligne.
      </p>
      <form
        className="form"
        style={{ maxWidth: "none" }}
        onSubmit={onSubmit}
        noValidate
        aria-label="Importer l'inventaire"
      >
        <Field
          id="inventory-file"
          label="Fichier CSV"
          hint={`${MAX_IMPORT_BYTES / 1024 / 1024} Mo au plus`}
          error={fileError ?? undefined}
        >
          <input
            ref={fileRef}
            className="input"
            type="file"
            accept=".csv,text/csv"
            {...controlA11y("inventory-file", fileError ?? undefined)}
            onChange={() => {
              setFileError(null);
              setState({ kind: "idle" });
            }}
          />
        </Field>
        <fieldset className="field" style={{ border: "none", padding: 0, margin: 0 }}>
          <legend>Mode d&apos;import</legend>
          {IMPORT_MODES.map((m) => (
            <label key={m} className="checkbox" style={{ alignItems: "flex-start" }}>
              <input
                type="radio"
                name="import-mode"
                value={m}
                checked={mode === m}
                onChange={() => {
                  setMode(m);
                  setState({ kind: "idle" });
                }}
              />
              <span>
                {IMPORT_MODE_LABELS[m].label}
                <span className="hint muted small" style={{ display: "block", fontWeight: 400 }}>
                  {IMPORT_MODE_LABELS[m].hint}
                </span>
              </span>
            </label>
          ))}
        </fieldset>
        <div className="form-actions">
          <button className="btn" type="submit" disabled={busy}>
            {busy ? "Import en cours…" : "Importer"}
          </button>
        </div>
      </form>

      <div aria-live="polite">
        {state.kind === "confirm" ? (
          <div className="alert alert-warning stack" style={{ gap: "0.5rem" }}>
            <p style={{ margin: 0, fontWeight: 600 }}>
              L&apos;inventaire actuel ({plural(currentCount, "application")}) sera effacé et remplacé par les{" "}
              {plural(state.rows, "application")} du fichier.
            </p>
            <div className="row">
              <button className="btn btn-danger" type="button" disabled={busy} onClick={() => send(state.text)}>
                {busy ? "Import en cours…" : "Remplacer l'inventaire"}
              </button>
              <button
                className="btn btn-secondary"
                type="button"
                disabled={busy}
                onClick={() => setState({ kind: "idle" })}
              >
                Annuler
              </button>
            </div>
          </div>
        ) : null}
        {state.kind === "done" ? (
          <div className="alert alert-success">
            <p style={{ margin: 0, fontWeight: 600 }}>
              {plural(state.summary.total, "application")} importée{state.summary.total > 1 ? "s" : ""} :{" "}
              {plural(state.summary.created, "ajout")}, {plural(state.summary.updated, "mise")} à jour
              {state.summary.mode === "replace" ? `, ${plural(state.summary.deleted, "suppression")}` : ""}.
            </p>
          </div>
        ) : null}
      </div>
      {state.kind === "refused" ? (
        <ImportErrors message={state.message} errors={state.errors} total={state.total} />
      ) : null}
    </section>
  );
}

function ImportErrors({ message, errors, total }: Readonly<{ message: string; errors: TCsvError[]; total: number }>) {
  return (
    <div className="stack" style={{ gap: "0.75rem" }} data-testid="import-errors">
      <div className="alert alert-error" role="alert">
        <p style={{ margin: 0, fontWeight: 600 }}>
          {message.startsWith(NOTHING_IMPORTED.slice(0, -1)) ? message : `${NOTHING_IMPORTED} ${message}`}
        </p>
        <p style={{ margin: 0 }}>Corrigez le fichier dans votre tableur, puis importez-le de nouveau.</p>
      </div>
      {errors.length > 0 ? (
        <DataTable
          caption="Problèmes à corriger dans le fichier"
          head={
            <>
              <th scope="col" className="num">
                Ligne
              </th>
              <th scope="col">Colonne</th>
              <th scope="col">Problème</th>
            </>
          }
        >
          {errors.map((e, i) => (
            <tr key={`${e.line}-${e.column ?? ""}-${i}`}>
              <td className="num">{e.line}</td>
              <td>{e.column ?? <span className="muted">—</span>}</td>
              <td>{e.message}</td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      {total > errors.length ? (
        <p className="muted small" style={{ margin: 0 }}>
          Seuls les {errors.length.toLocaleString("fr-FR")} premiers problèmes sur {total.toLocaleString("fr-FR")} sont
          affichés.
        </p>
      ) : null}
    </div>
  );
}
