"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { sendJson } from "@/lib/core/client-fetch";
import type { TAssessmentOption } from "@/lib/referentials/schemas";

type Values = Record<string, unknown>;

/** Choices made for the whole assessment: usage domains applied for, HospiConnect target year. */
export function OptionsForm({
  assessmentId,
  options,
  values,
  readOnly,
}: Readonly<{ assessmentId: string; options: TAssessmentOption[]; values: Values; readOnly: boolean }>) {
  const router = useRouter();
  const [current, setCurrent] = useState<Values>(values);
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);

  async function save(key: string, value: string | string[]) {
    setCurrent({ ...current, [key]: value });
    setStatus({ text: "Enregistrement…", error: false });
    const result = await sendJson(`/api/assessments/${assessmentId}/options`, { options: { [key]: value } }, "PUT");
    setStatus(result.ok ? { text: "Choix enregistré.", error: false } : { text: result.message, error: true });
    if (result.ok) router.refresh();
  }

  return (
    <section className="card" aria-labelledby="options-title">
      <h2 id="options-title">Périmètre de l&apos;évaluation</h2>
      {options.map((option) => {
        const selected = current[option.key];
        const list = Array.isArray(selected) ? selected : selected ? [String(selected)] : [];
        return (
          <fieldset
            key={option.key}
            className="field"
            style={{ border: 0, padding: 0, margin: "0 0 1rem" }}
            disabled={readOnly}
          >
            <legend>{option.label}</legend>
            {option.help ? (
              <p className="hint" style={{ margin: "0 0 0.5rem" }}>
                {option.help}
              </p>
            ) : null}
            <div className="choices">
              {option.choices.map((c) => (
                <label key={c.value} className="choice">
                  <input
                    type={option.type === "multi_choice" ? "checkbox" : "radio"}
                    name={`option-${option.key}`}
                    checked={list.includes(c.value)}
                    onChange={(e) => {
                      if (option.type === "single_choice") return save(option.key, c.value);
                      save(option.key, e.target.checked ? [...list, c.value] : list.filter((v) => v !== c.value));
                    }}
                  />
                  <span>{c.label}</span>
                </label>
              ))}
            </div>
          </fieldset>
        );
      })}
      {status ? (
        <p role="status" className={status.error ? "field-error" : "small muted"} style={{ margin: 0 }}>
          {status.text}
        </p>
      ) : null}
    </section>
  );
}
