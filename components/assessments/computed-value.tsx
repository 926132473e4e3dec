"use client";

import type { Draft } from "./use-autosave";

type Fraction = { numerator: number; denominator: number; percent: number | null };

/** The inventory's figure; `broad`: the figure under the broad reading while the scope is uncertain. */
export type Computed = Fraction & {
  scope: string;
  broad?: Fraction | null;
  scopeConfidence?: "H" | "M" | "L";
  scopeNote?: string | null;
};

const fraction = (f: Fraction) =>
  `${f.numerator} / ${f.denominator} applications${f.percent === null ? "" : ` (${pct.format(f.percent)} %)`}`;

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
  const broad = computed.broad
    ? {
        percent: computed.broad.percent ?? 0,
        numerator: computed.broad.numerator,
        denominator: computed.broad.denominator,
      }
    : null;
  const value = {
    percent: computed.percent ?? 0,
    numerator: computed.numerator,
    denominator: computed.denominator,
    ...(broad ? { broad } : {}),
  };
  const inUse =
    draft.kind === "value" &&
    typeof draft.value === "object" &&
    draft.value !== null &&
    (draft.value as { numerator?: number }).numerator === computed.numerator &&
    (draft.value as { denominator?: number }).denominator === computed.denominator;
  return (
    <div className="alert small computed">
      {computed.broad ? (
        <>
          <strong>Périmètre incertain : deux lectures calculées depuis l&apos;inventaire</strong>
          <ul style={{ margin: "4px 0" }} data-testid="computed-readings">
            <li>
              Lecture stricte ({computed.scope}) : <strong>{fraction(computed)}</strong>
            </li>
            <li>
              Lecture large : <strong>{fraction(computed.broad)}</strong>
            </li>
          </ul>
          <span className="muted">
            Confiance {computed.scopeConfidence ?? "L"} sur le périmètre. {computed.scopeNote ?? ""} Le verdict est
            donné sous chaque lecture.
          </span>
        </>
      ) : (
        <>
          <strong>Calcul depuis l&apos;inventaire : {fraction(computed)}</strong>
          <span className="muted"> — {computed.scope}</span>
        </>
      )}
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
