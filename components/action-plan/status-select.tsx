"use client";

import { Options } from "@/components/ui/field";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ACTION_STATUSES, ACTION_STATUS_LABELS, type ActionStatus } from "@/lib/action-plan/schemas";
import { sendJson } from "@/lib/core/client-fetch";

type Props = Readonly<{ assessmentId: string; actionId: string; title: string; status: ActionStatus; version: number }>;

/** The status, changed in place by the director or the action's owner; saved at once. */
export function StatusSelect({ assessmentId, actionId, title, status, version }: Props) {
  const router = useRouter();
  const [value, setValue] = useState(status);
  const [state, setState] = useState<{ saving: boolean; error: string | null }>({ saving: false, error: null });

  async function change(next: ActionStatus) {
    setValue(next);
    setState({ saving: true, error: null });
    const result = await sendJson(
      `/api/assessments/${assessmentId}/actions/${actionId}`,
      { status: next, expectedVersion: version },
      "PATCH",
    );
    if (!result.ok) {
      setValue(status);
      setState({
        saving: false,
        error:
          result.code === "STALE_VERSION" ? "Modifiée entre-temps : la version actuelle est affichée." : result.message,
      });
    } else {
      setState({ saving: false, error: null });
    }
    router.refresh();
  }

  return (
    <div className="stack" style={{ gap: 4 }}>
      <select
        className="select"
        style={{ minWidth: 140 }}
        aria-label={`Statut de l'action « ${title} »`}
        value={value}
        disabled={state.saving}
        onChange={(e) => change(e.target.value as ActionStatus)}
      >
        <Options options={ACTION_STATUSES.map((s) => ({ value: s, label: ACTION_STATUS_LABELS[s] }))} />
      </select>
      {state.error ? (
        <span role="alert" className="field-error">
          {state.error}
        </span>
      ) : null}
    </div>
  );
}
