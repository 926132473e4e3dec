"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Modal } from "@/components/inventory/modal";
import type { ActionOwnerOption, ActionRow } from "@/lib/action-plan/views";
import { sendJson } from "@/lib/core/client-fetch";
import { ActionForm } from "./action-form";

type Props = Readonly<{ assessmentId: string; action: ActionRow; owners: ActionOwnerOption[] }>;

/** The director's "Modifier" and "Supprimer" on one row of the plan. */
export function ActionRowControls({ assessmentId, action, owners }: Props) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function remove() {
    if (!window.confirm(`Supprimer l'action « ${action.title} » du plan ?`)) return;
    setBusy(true);
    setError(null);
    const result = await sendJson(
      `/api/assessments/${assessmentId}/actions/${action.id}`,
      { expectedVersion: action.version },
      "DELETE",
    );
    setBusy(false);
    if (!result.ok)
      setError(
        result.code === "STALE_VERSION" ? "Modifiée entre-temps : vérifiez-la avant de la supprimer." : result.message,
      );
    router.refresh();
  }

  const defaults = {
    title: action.title,
    requirementCode: action.requirementCode,
    ownerId: action.ownerId,
    dueOn: action.dueOn,
    status: action.status,
    estimatedCost: action.estimatedCost,
    notes: action.notes,
  };
  return (
    <span className="row" style={{ justifyContent: "flex-end", gap: 8 }}>
      <button
        type="button"
        className="btn btn-secondary btn-small"
        onClick={() => setOpen(true)}
        aria-label={`Modifier l'action « ${action.title} »`}
      >
        Modifier
      </button>
      <button
        type="button"
        className="btn btn-danger btn-small"
        onClick={remove}
        disabled={busy}
        aria-label={`Supprimer l'action « ${action.title} »`}
      >
        {busy ? "Suppression…" : "Supprimer"}
      </button>
      {error ? (
        <span role="alert" className="field-error">
          {error}
        </span>
      ) : null}
      <Modal open={open} title="Modifier l'action" onClose={() => setOpen(false)}>
        <ActionForm
          assessmentId={assessmentId}
          owners={owners}
          defaults={defaults}
          action={{ id: action.id, version: action.version }}
          requirementText={
            action.requirementCode
              ? `${action.requirementCode}${action.requirementLabel ? ` — ${action.requirementLabel}` : ""}`
              : undefined
          }
          onDone={() => setOpen(false)}
        />
      </Modal>
    </span>
  );
}
