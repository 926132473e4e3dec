"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { sendJson } from "@/lib/core/client-fetch";

type Person = { id: string; name: string; function: string | null };

/** The director picks which contributors answer one section. */
export function AssignSection({
  assessmentId,
  domainCode,
  title,
  contributors,
  assigned,
}: Readonly<{ assessmentId: string; domainCode: string; title: string; contributors: Person[]; assigned: string[] }>) {
  const router = useRouter();
  const [selected, setSelected] = useState(new Set(assigned));
  const [state, setState] = useState<{ saving: boolean; message: string | null; error: boolean }>({
    saving: false,
    message: null,
    error: false,
  });
  if (contributors.length === 0)
    return <span className="small muted">Aucun contributeur dans l&apos;établissement</span>;

  async function save() {
    setState({ saving: true, message: null, error: false });
    const result = await sendJson(
      `/api/assessments/${assessmentId}/assignments`,
      { domainCode, userIds: [...selected] },
      "PUT",
    );
    setState({ saving: false, message: result.ok ? "Attribution enregistrée." : result.message, error: !result.ok });
    if (result.ok) router.refresh();
  }

  return (
    <details className="assign">
      <summary className="btn-link small">Attribuer « {title} »</summary>
      <fieldset className="choices" style={{ marginTop: 8 }}>
        <legend className="visually-hidden">Contributeurs de la section {title}</legend>
        {contributors.map((c) => (
          <label key={c.id} className="choice">
            <input
              type="checkbox"
              checked={selected.has(c.id)}
              onChange={(e) => {
                const next = new Set(selected);
                if (e.target.checked) next.add(c.id);
                else next.delete(c.id);
                setSelected(next);
              }}
            />
            <span>
              {c.name}
              {c.function ? ` (${c.function})` : ""}
            </span>
          </label>
        ))}
      </fieldset>
      <div className="row" style={{ marginTop: 8 }}>
        <button type="button" className="btn btn-small" onClick={save} disabled={state.saving}>
          {state.saving ? "Enregistrement…" : "Enregistrer l'attribution"}
        </button>
        {state.message ? (
          <span role="status" className={state.error ? "field-error" : "small"}>
            {state.message}
          </span>
        ) : null}
      </div>
    </details>
  );
}
