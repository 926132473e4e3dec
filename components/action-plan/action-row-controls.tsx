"use client";

import { useRouter } from "next/navigation";
import { RowEditDelete } from "@/components/ui/row-edit-delete";
import type { ActionOwnerOption, ActionRow } from "@/lib/action-plan/views";
import { sendJson } from "@/lib/core/client-fetch";
import { ActionForm } from "./action-form";

type Props = Readonly<{ assessmentId: string; action: ActionRow; owners: ActionOwnerOption[] }>;

/** The director's "Modifier" and "Supprimer" on one row of the plan. */
export function ActionRowControls({ assessmentId, action, owners }: Props) {
  const router = useRouter();
  async function remove() {
    const result = await sendJson(
      `/api/assessments/${assessmentId}/actions/${action.id}`,
      { expectedVersion: action.version },
      "DELETE",
    );
    router.refresh();
    if (result.ok) return null;
    return result.code === "STALE_VERSION"
      ? "Modifiée entre-temps : vérifiez-la avant de la supprimer."
      : result.message;
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
    <RowEditDelete
      editLabel={`Modifier l'action « ${action.title} »`}
      deleteLabel={`Supprimer l'action « ${action.title} »`}
      confirm={`Supprimer l'action « ${action.title} » du plan ?`}
      remove={remove}
      dialogTitle="Modifier l'action"
    >
      {(close) => (
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
          onDone={close}
        />
      )}
    </RowEditDelete>
  );
}
