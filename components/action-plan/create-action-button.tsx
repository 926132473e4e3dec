"use client";

import { useState } from "react";
import { Modal } from "@/components/ui/modal";
import { ACTION_LIMITS } from "@/lib/action-plan/schemas";
import type { ActionOwnerOption } from "@/lib/action-plan/views";
import { ActionForm } from "./action-form";

export type GapForAction = { code: string; label: string; recommendedAction?: string | null };

type Props = Readonly<{
  assessmentId: string;
  /** The establishment's director and contributors (getActionPlanContext().owners). */
  owners: ActionOwnerOption[];
  /** From a gap: the title is prefilled with its label, the notes with its recommended action. */
  gap?: GapForAction;
  label?: string;
  className?: string;
}>;

/** "Créer une action": opens a small form, from a gap of the results page or free on the plan. */
export function CreateActionButton({
  assessmentId,
  owners,
  gap,
  label = "Créer une action",
  className = "btn btn-secondary btn-small",
}: Props) {
  const [open, setOpen] = useState(false);
  const defaults = {
    title: gap ? gap.label.slice(0, ACTION_LIMITS.titleMax) : "",
    requirementCode: gap?.code ?? null,
    ownerId: null,
    dueOn: null,
    status: "todo" as const,
    estimatedCost: null,
    notes: gap?.recommendedAction ? gap.recommendedAction.slice(0, ACTION_LIMITS.notes) : null,
  };
  return (
    <>
      <button
        type="button"
        className={className}
        onClick={() => setOpen(true)}
        aria-label={gap ? `Créer une action pour ${gap.code}` : undefined}
      >
        {label}
      </button>
      <Modal
        open={open}
        title={gap ? `Nouvelle action — ${gap.code}` : "Nouvelle action"}
        onClose={() => setOpen(false)}
      >
        <ActionForm
          assessmentId={assessmentId}
          owners={owners}
          defaults={defaults}
          requirementText={gap ? `${gap.code} — ${gap.label}` : undefined}
          onDone={() => setOpen(false)}
        />
      </Modal>
    </>
  );
}
