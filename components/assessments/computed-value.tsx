"use client";

import type { Draft } from "./use-autosave";

export type Computed = { numerator: number; denominator: number; percent: number | null; scope: string };

const pct = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 });

/** The value the application inventory computes, and the button that uses it as the answer. */
export function ComputedValue({
  computed,
  draft,
  disabled,
  onUse,
}: Readonly<{ computed: Computed | null; draft: Draft; disabled: boolean; onUse: (value: object) => void }>) {
  if (!computed) {
    return (
      <p className="alert small">
        Valeur calculée depuis l&apos;inventaire des applications : renseignez d&apos;abord l&apos;inventaire.
      </p>
    );
  }
  const value = { percent: computed.percent ?? 0, numerator: computed.numerator, denominator: computed.denominator };
  const inUse =
    draft.kind === "value" &&
    typeof draft.value === "object" &&
    draft.value !== null &&
    (draft.value as { numerator?: number }).numerator === computed.numerator &&
    (draft.value as { denominator?: number }).denominator === computed.denominator;
  return (
    <div className="alert small computed">
      <strong>
        Calcul depuis l&apos;inventaire : {computed.numerator} / {computed.denominator} applications
        {computed.percent === null ? "" : ` (${pct.format(computed.percent)} %)`}
      </strong>
      <span className="muted"> — {computed.scope}</span>
      <div className="row" style={{ marginTop: 6 }}>
        {inUse ? (
          <span className="badge badge-green">Valeur calculée utilisée</span>
        ) : (
          <button
            type="button"
            className="btn btn-small"
            disabled={disabled || computed.denominator === 0}
            onClick={() => onUse(value)}
          >
            Utiliser ce calcul
          </button>
        )}
        <span className="muted">ou saisissez une autre valeur ci-dessous, avec une justification.</span>
      </div>
    </div>
  );
}
