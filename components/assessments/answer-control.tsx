"use client";

import type { TRequirement } from "@/lib/referentials/schemas";
import { choicesOf } from "./answer-labels";
import type { Draft } from "./use-autosave";

/** What the answer controls read of a requirement (the rest stays on the server). */
export type AnswerRequirement = Pick<TRequirement, "code" | "answer" | "naAllowed">;

type Props = Readonly<{
  requirement: AnswerRequirement;
  draft: Draft;
  disabled: boolean;
  onChange: (next: Partial<Draft>) => void;
  idPrefix: string;
}>;

/** The control for one answer type, plus "je ne sais pas" and (where allowed) "non applicable". */
export function AnswerControl({ requirement, draft, disabled, onChange, idPrefix }: Props) {
  const choices = choicesOf(requirement.answer);
  const extra = [
    { value: "__unknown", label: "Je ne sais pas" },
    ...(requirement.naAllowed ? [{ value: "__na", label: "Non applicable" }] : []),
  ];
  const selected =
    draft.kind === "unknown"
      ? "__unknown"
      : draft.kind === "not_applicable"
        ? "__na"
        : draft.kind === "value"
          ? String(draft.value)
          : "";

  function pick(value: string) {
    if (value === "__unknown") onChange({ kind: "unknown", value: null });
    else if (value === "__na") onChange({ kind: "not_applicable", value: null });
    else onChange({ kind: "value", value });
  }

  if (choices) {
    return (
      <fieldset className="choices" disabled={disabled}>
        <legend className="visually-hidden">Réponse</legend>
        {[...choices, ...extra].map((c) => (
          <label key={c.value} className={`choice ${c.value.startsWith("__") ? "choice-secondary" : ""}`}>
            <input
              type="radio"
              name={`${idPrefix}-answer`}
              value={c.value}
              checked={selected === c.value}
              onChange={() => pick(c.value)}
            />
            <span>{c.label}</span>
          </label>
        ))}
      </fieldset>
    );
  }

  const spec = requirement.answer;
  const typed = draft.kind === "value" && typeof draft.value !== "object" ? String(draft.value ?? "") : "";
  const inputId = `${idPrefix}-value`;
  // A computed percentage (from the inventory) is an object: the field stays empty for a typed
  // override, and shows the value in use as its placeholder.
  const computedPercent =
    draft.kind === "value" && typeof draft.value === "object" && draft.value !== null
      ? (draft.value as { percent?: unknown }).percent
      : undefined;
  const placeholder =
    typeof computedPercent === "number"
      ? `${computedPercent.toLocaleString("fr-FR", { maximumFractionDigits: 1 })} (calcul)`
      : undefined;
  function typeValue(raw: string) {
    if (raw === "") return onChange({ kind: null, value: null });
    if (spec.type === "percentage" || spec.type === "number") {
      const n = Number(raw.replace(",", "."));
      return onChange({ kind: "value", value: Number.isFinite(n) ? n : raw });
    }
    onChange({ kind: "value", value: raw });
  }
  return (
    <div className="typed-answer">
      <label htmlFor={inputId} className="visually-hidden">
        Réponse
      </label>
      {spec.type === "text" ? (
        <textarea
          id={inputId}
          className="textarea"
          value={typed}
          disabled={disabled || draft.kind === "unknown" || draft.kind === "not_applicable"}
          maxLength={4000}
          onChange={(e) => typeValue(e.target.value)}
        />
      ) : (
        <div className="row" style={{ gap: "0.5rem" }}>
          <input
            id={inputId}
            className="input"
            style={{ maxWidth: spec.type === "date" ? 200 : 140 }}
            type={spec.type === "date" ? "date" : "text"}
            inputMode={spec.type === "date" ? undefined : "decimal"}
            value={typed}
            placeholder={placeholder}
            disabled={disabled || draft.kind === "unknown" || draft.kind === "not_applicable"}
            onChange={(e) => typeValue(e.target.value)}
          />
          {spec.type === "percentage" ? <span aria-hidden="true">%</span> : null}
          {spec.type === "number" && spec.unit ? <span>{spec.unit}</span> : null}
        </div>
      )}
      <fieldset className="choices choices-inline" disabled={disabled}>
        <legend className="visually-hidden">Autres réponses</legend>
        {extra.map((c) => (
          <label key={c.value} className="choice choice-secondary">
            <input
              type="checkbox"
              checked={selected === c.value}
              onChange={(e) => (e.target.checked ? pick(c.value) : onChange({ kind: null, value: null }))}
            />
            <span>{c.label}</span>
          </label>
        ))}
      </fieldset>
    </div>
  );
}
