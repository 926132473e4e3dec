"use client";

import { type ReactNode, useState } from "react";
import { Modal } from "./modal";

type Props = Readonly<{
  /** The buttons' accessible names, when a table holds many rows ("Modifier l'action « … »"). */
  editLabel?: string;
  deleteLabel?: string;
  /** What window.confirm asks before deleting. */
  confirm: string;
  /** Deletes the row; resolves to the French message to show beside the buttons, or null once done. */
  remove: () => Promise<string | null>;
  dialogTitle: string;
  /** The edit form, given the function that closes its dialog (its onDone). */
  children: (close: () => void) => ReactNode;
}>;

/** "Modifier" (the form in a dialog) and "Supprimer" (after a confirmation) at the end of a row. */
export function RowEditDelete({ editLabel, deleteLabel, confirm, remove, dialogTitle, children }: Props) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const close = () => setOpen(false);

  async function onDelete() {
    if (!window.confirm(confirm)) return;
    setBusy(true);
    setError(null);
    const failure = await remove();
    setBusy(false);
    setError(failure);
  }

  return (
    <span className="row" style={{ justifyContent: "flex-end", gap: 8 }}>
      <button
        type="button"
        className="btn btn-secondary btn-small"
        onClick={() => setOpen(true)}
        aria-label={editLabel}
      >
        Modifier
      </button>
      <button
        type="button"
        className="btn btn-danger btn-small"
        onClick={onDelete}
        disabled={busy}
        aria-label={deleteLabel}
      >
        {busy ? "Suppression…" : "Supprimer"}
      </button>
      {error ? (
        <span role="alert" className="field-error">
          {error}
        </span>
      ) : null}
      <Modal open={open} title={dialogTitle} onClose={close}>
        {children(close)}
      </Modal>
    </span>
  );
}
