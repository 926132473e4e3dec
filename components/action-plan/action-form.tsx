"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { useServerSubmit } from "@/components/admin/use-server-submit";
import { controlA11y, emptyToNull, Field, IntegerInput, optionalNumber, Options } from "@/components/ui/field";
import { ServerForm } from "@/components/ui/server-form";
import {
  ACTION_STATUSES,
  ACTION_STATUS_LABELS,
  type ActionFormValues,
  type ActionInput,
  ZActionInput,
} from "@/lib/action-plan/schemas";
import type { ActionOwnerOption } from "@/lib/action-plan/views";

// Create (no `action`) or edit an action of the plan. Same zod schema as the route; an emptied
// control is sent as null ("no owner", "no due date", "no cost").

type Props = Readonly<{
  assessmentId: string;
  owners: ActionOwnerOption[];
  defaults: ActionFormValues;
  /** Editing: the action's id and the version the form was opened on. */
  action?: { id: string; version: number };
  /** The linked requirement, shown read-only ("P2.1 — Plan de reprise testé"). */
  requirementText?: string;
  onDone: () => void;
}>;

const FIELDS = ["title", "ownerId", "dueOn", "status", "estimatedCost", "notes", "requirementCode"] as const;

export function ActionForm({ assessmentId, owners, defaults, action, requirementText, onDone }: Props) {
  const router = useRouter();
  const { register, handleSubmit, formState, setError } = useForm<ActionFormValues, unknown, ActionInput>({
    resolver: zodResolver(ZActionInput),
    defaultValues: defaults,
  });
  const { alert, send } = useServerSubmit(setError, FIELDS);
  const { errors, isSubmitting } = formState;
  const err = (name: (typeof FIELDS)[number]) => errors[name]?.message;

  async function onSubmit(values: ActionInput) {
    const saved = action
      ? await send(`/api/assessments/${assessmentId}/actions/${action.id}`, "PATCH", {
          ...values,
          expectedVersion: action.version,
        })
      : await send(`/api/assessments/${assessmentId}/actions`, "POST", values);
    if (!saved) return router.refresh(); // a stale version: the table shows the current row
    router.refresh();
    onDone();
  }

  return (
    <ServerForm
      label={action ? "Modifier l'action" : "Nouvelle action"}
      onSubmit={handleSubmit(onSubmit)}
      alert={alert}
      wide
      submitLabel={action ? "Enregistrer l'action" : "Créer l'action"}
      submitting={isSubmitting}
      onCancel={onDone}
    >
      {requirementText ? (
        <p className="small muted" style={{ margin: 0 }}>
          Exigence : {requirementText}
        </p>
      ) : null}
      <input type="hidden" {...register("requirementCode", { setValueAs: emptyToNull })} />
      <Field id="action-title" label="Intitulé" error={err("title")}>
        <input
          className="input"
          maxLength={200}
          {...controlA11y("action-title", err("title"))}
          {...register("title")}
        />
      </Field>
      <div className="form-grid">
        <Field id="action-owner" label="Responsable" error={err("ownerId")}>
          <select
            className="select"
            {...controlA11y("action-owner", err("ownerId"))}
            {...register("ownerId", { setValueAs: emptyToNull })}
          >
            <option value="">Non attribuée</option>
            <Options
              options={owners.map((o) => ({
                value: o.id,
                label: `${o.name} — ${o.manages ? "direction" : (o.function ?? "contributeur")}`,
              }))}
            />
          </select>
        </Field>
        <Field id="action-due" label="Échéance" error={err("dueOn")}>
          <input
            className="input"
            type="date"
            {...controlA11y("action-due", err("dueOn"))}
            {...register("dueOn", { setValueAs: emptyToNull })}
          />
        </Field>
        <Field id="action-status" label="Statut" error={err("status")}>
          <select className="select" {...controlA11y("action-status", err("status"))} {...register("status")}>
            <Options options={ACTION_STATUSES.map((s) => ({ value: s, label: ACTION_STATUS_LABELS[s] }))} />
          </select>
        </Field>
        <Field id="action-cost" label="Coût estimé" hint="en euros" error={err("estimatedCost")}>
          <IntegerInput
            id="action-cost"
            error={err("estimatedCost")}
            registered={register("estimatedCost", { setValueAs: optionalNumber })}
          />
        </Field>
      </div>
      <Field id="action-notes" label="Notes" hint="4 000 caractères au plus" error={err("notes")}>
        <textarea
          className="textarea"
          maxLength={4000}
          {...controlA11y("action-notes", err("notes"))}
          {...register("notes", { setValueAs: emptyToNull })}
        />
      </Field>
    </ServerForm>
  );
}
