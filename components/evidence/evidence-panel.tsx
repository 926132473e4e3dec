"use client";

import { Options } from "@/components/ui/field";
import { type ChangeEvent, useId, useRef, useState } from "react";
import { sendJson } from "@/lib/core/client-fetch";
import { formatDateTime, formatFileSize } from "@/lib/evidence/format";
import type { TLinkEvidence } from "@/lib/evidence/schemas";
import { ACCEPT_ATTRIBUTE } from "@/lib/evidence/kinds";
import {
  ACCEPTED_TYPES_TEXT,
  type EvidenceLibraryEntry,
  type EvidenceLinkView,
  type EvidenceUnlinkResult,
} from "@/lib/evidence/types";

const NETWORK_MESSAGE = "Connexion impossible : vérifiez votre réseau puis réessayez.";

type Props = Readonly<{
  assessmentId: string;
  requirementCode: string;
  /** Active links of this requirement (listEvidenceForAssessment(...)[requirementCode] ?? []). */
  initialLinks: readonly EvidenceLinkView[];
  /** The establishment's files (listEstablishmentEvidence), for "link an existing file". */
  library: readonly EvidenceLibraryEntry[];
  /** Submitted assessment, or a section the user may not edit: list and download only. */
  readOnly?: boolean;
}>;

/**
 * The evidence of one requirement: attached files (download, remove after confirmation), an
 * upload control with progress, and a select to link a file the establishment already uploaded.
 * The upload itself (checks and XHR) is in ./upload, loaded when a file is chosen.
 */
export function EvidencePanel({ assessmentId, requirementCode, initialLinks, library, readOnly = false }: Props) {
  const [links, setLinks] = useState<EvidenceLinkView[]>(() => [...initialLinks]);
  const [files, setFiles] = useState<EvidenceLibraryEntry[]>(() => [...library]);
  const [progress, setProgress] = useState<number | null>(null); // 0..1 while uploading
  const [busy, setBusy] = useState<string | null>(null); // "link" or the id of the link being removed
  const [selected, setSelected] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const titleRef = useRef<HTMLParagraphElement>(null);
  const id = useId();
  const ids = {
    title: `${id}-title`,
    input: `${id}-file`,
    hint: `${id}-hint`,
    error: `${id}-error`,
    select: `${id}-library`,
  };

  const base = `/api/assessments/${encodeURIComponent(assessmentId)}/evidence`;
  const uploading = progress !== null;
  const available = files.filter((f) => !links.some((l) => l.evidenceId === f.evidenceId));

  function start() {
    setError(null);
    setNotice(null);
  }

  function clearInput() {
    if (inputRef.current) inputRef.current.value = "";
  }

  async function onFileChosen(event: ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0];
    if (!chosen) return;
    if (uploading) {
      setError("Un envoi est déjà en cours : attendez sa fin.");
      return;
    }
    start();
    // Shown as "Envoi… 0 %" while ./upload loads (first file only) and the checks run.
    setProgress(0);
    let upload: typeof import("./upload");
    try {
      upload = await import("./upload");
    } catch {
      setProgress(null);
      clearInput();
      setError(NETWORK_MESSAGE);
      return;
    }
    const problem = upload.fileProblem(chosen);
    if (problem) {
      setProgress(null);
      setError(problem);
      clearInput();
      return;
    }
    const result = await upload.uploadEvidence(base, requirementCode, chosen, setProgress);
    setProgress(null);
    clearInput();
    if (!result.ok) {
      setError(result.message);
      inputRef.current?.focus();
      return;
    }
    const { link, evidence, reused, alreadyLinked } = result.data;
    if (!alreadyLinked) setLinks((prev) => [...prev, link]);
    setFiles((prev) => (prev.some((f) => f.evidenceId === evidence.evidenceId) ? prev : [evidence, ...prev]));
    setNotice(
      alreadyLinked
        ? `« ${link.fileName} » est déjà joint à cette exigence.`
        : reused
          ? `Ce contenu était déjà déposé sous le nom « ${evidence.fileName} » : il a été joint sans nouvelle copie.`
          : `« ${link.fileName} » a été joint.`,
    );
  }

  async function linkSelected() {
    if (!selected) return;
    start();
    setBusy("link");
    const body: TLinkEvidence = { evidenceId: selected, requirementCode };
    const result = await sendJson<EvidenceLinkView>(`${base}/links`, body, "POST");
    setBusy(null);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    setLinks((prev) => [...prev, result.data]);
    setSelected("");
    setNotice(`« ${result.data.fileName} » a été lié à cette exigence.`);
  }

  async function unlink(link: EvidenceLinkView) {
    const question = `Retirer « ${link.fileName} » de l'exigence ${requirementCode} ?\nLe fichier reste disponible dans la bibliothèque de l'établissement.`;
    if (!window.confirm(question)) return;
    start();
    setBusy(link.linkId);
    const result = await sendJson<EvidenceUnlinkResult>(
      `${base}/links/${encodeURIComponent(link.linkId)}`,
      {},
      "DELETE",
    );
    setBusy(null);
    // Already removed by someone else: the list catches up.
    if (result.ok || result.code === "NOT_FOUND") setLinks((prev) => prev.filter((l) => l.linkId !== link.linkId));
    if (!result.ok) {
      setError(result.message);
      return;
    }
    setNotice(`« ${link.fileName} » a été retiré de cette exigence.`);
    titleRef.current?.focus(); // the button that had focus is gone
  }

  const percent = Math.round((progress ?? 0) * 100);

  return (
    <section
      aria-labelledby={ids.title}
      aria-busy={uploading || busy !== null}
      style={{ borderTop: "1px solid var(--line)", paddingTop: "0.75rem", marginTop: "0.75rem" }}
    >
      <p
        id={ids.title}
        ref={titleRef}
        tabIndex={-1}
        className="small"
        style={{ fontWeight: 600, margin: "0 0 0.5rem" }}
      >
        Pièces justificatives{links.length > 0 ? ` (${links.length})` : ""}
      </p>

      {links.length === 0 ? null : (
        <ul
          style={{
            listStyle: "none",
            padding: 0,
            margin: "0 0 0.75rem",
            display: "flex",
            flexDirection: "column",
            gap: "0.5rem",
          }}
        >
          {links.map((link) => (
            <li key={link.linkId} className="row" style={{ justifyContent: "space-between", gap: "0.25rem 0.75rem" }}>
              <span style={{ minWidth: 0, overflowWrap: "anywhere" }}>
                <a href={`/api/evidence/${encodeURIComponent(link.evidenceId)}`} download={link.fileName}>
                  <span className="visually-hidden">Télécharger </span>
                  {link.fileName}
                </a>
                <span className="muted small">
                  {" "}
                  · {formatFileSize(link.size)} · déposé le {formatDateTime(link.uploadedAt)}
                  {link.uploadedByName ? ` par ${link.uploadedByName}` : ""}
                </span>
              </span>
              {readOnly ? null : (
                <button
                  type="button"
                  className="btn btn-danger btn-small"
                  onClick={() => unlink(link)}
                  disabled={busy !== null}
                  aria-label={`Retirer ${link.fileName}`}
                >
                  {busy === link.linkId ? "Retrait…" : "Retirer"}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}

      {readOnly ? null : (
        <div className="stack" style={{ gap: "0.75rem" }}>
          <div className="row evidence-upload">
            <input
              ref={inputRef}
              id={ids.input}
              className="visually-hidden"
              type="file"
              accept={ACCEPT_ATTRIBUTE}
              onChange={onFileChosen}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${ids.hint} ${ids.error}` : ids.hint}
            />
            {/* The native control is hidden; its label is the visible, focus-ringed button. */}
            <label htmlFor={ids.input} className="btn btn-secondary btn-small">
              Joindre une pièce justificative
            </label>
            <span id={ids.hint} className="hint small muted">
              Types acceptés : {ACCEPTED_TYPES_TEXT}.
            </span>
          </div>

          {uploading ? (
            <div
              className="progress"
              role="progressbar"
              aria-label="Envoi du fichier"
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={percent}
              style={{ maxWidth: "24rem" }}
            >
              <span style={{ width: `${percent}%` }} />
            </div>
          ) : null}

          {available.length > 0 ? (
            <div className="field">
              <label htmlFor={ids.select}>Lier un fichier déjà déposé</label>
              <div className="row">
                <select
                  id={ids.select}
                  className="select"
                  value={selected}
                  onChange={(e) => setSelected(e.target.value)}
                  style={{ flex: "1 1 16rem", width: "auto", minWidth: 0 }}
                >
                  <option value="">Choisir un fichier de l&apos;établissement…</option>
                  <Options
                    options={available.map((f) => ({
                      value: f.evidenceId,
                      label: `${f.fileName} (${formatFileSize(f.size)}, ${formatDateTime(f.uploadedAt)})`,
                    }))}
                  />
                </select>
                <button
                  type="button"
                  className="btn btn-secondary btn-small"
                  onClick={linkSelected}
                  disabled={!selected || busy !== null}
                >
                  {busy === "link" ? "Liaison…" : "Lier"}
                </button>
              </div>
            </div>
          ) : null}
        </div>
      )}

      <p role="status" className="small" style={{ margin: "0.5rem 0 0" }}>
        {uploading ? (percent < 100 ? `Envoi… ${percent} %` : "Vérification du fichier…") : (notice ?? "")}
      </p>
      {error ? (
        <p className="field-error" id={ids.error} role="alert" style={{ margin: "0.25rem 0 0" }}>
          {error}
        </p>
      ) : null}
    </section>
  );
}
