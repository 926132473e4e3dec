"use client";

import { useDeferredValue, useEffect, useId, useRef, useState } from "react";

// Checkbox list of establishments grouped by region, with a filter box and "tout sélectionner" per
// region (applied to the establishments the filter shows). Locked ids stay checked: their
// establishment has started its assessment and cannot leave the campaign.

export type PickerEstablishment = {
  id: string;
  name: string;
  finess: string;
  departementCode: string;
  disabled: boolean;
};
export type PickerRegion = { id: string; name: string; establishments: PickerEstablishment[] };

type Props = Readonly<{
  regions: PickerRegion[];
  value: string[];
  onChange: (ids: string[]) => void;
  lockedIds?: readonly string[];
  error?: string;
  errorId: string;
  /** Receives the filter box, so that a server error on the list can move the focus there. */
  focusRef?: (element: HTMLInputElement | null) => void;
}>;

/** Lower case without accents, so "quimper" finds "Quimper" and "tregu" finds "Tréguier". */
const fold = (text: string) =>
  text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase();

function RegionToggle({
  label,
  checked,
  indeterminate,
  onChange,
}: Readonly<{ label: string; checked: boolean; indeterminate: boolean; onChange: (on: boolean) => void }>) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = indeterminate;
  }, [indeterminate]);
  return (
    <label className="checkbox small">
      <input ref={ref} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  );
}

export function EstablishmentPicker({ regions, value, onChange, lockedIds = [], error, errorId, focusRef }: Props) {
  const filterId = useId();
  const [filter, setFilter] = useState("");
  const deferred = useDeferredValue(filter);
  const selected = new Set(value);
  const locked = new Set(lockedIds);
  const needle = fold(deferred.trim());
  const matches = (e: PickerEstablishment) =>
    !needle ||
    fold(e.name).includes(needle) ||
    e.finess.toLowerCase().startsWith(needle) ||
    e.departementCode.toLowerCase() === needle;

  function set(ids: string[], on: boolean) {
    const next = new Set(selected);
    for (const id of ids) {
      if (on) next.add(id);
      else if (!locked.has(id)) next.delete(id);
    }
    // Keep the order of the list, so the payload is stable whatever the clicking order.
    const order = regions.flatMap((r) => r.establishments.map((e) => e.id));
    onChange(order.filter((id) => next.has(id)));
  }

  const total = regions.reduce((n, r) => n + r.establishments.length, 0);
  const shown = regions
    .map((r) => ({ ...r, visible: r.establishments.filter(matches) }))
    .filter((r) => r.visible.length > 0);

  return (
    <fieldset
      className="field"
      style={{ border: 0, padding: 0, margin: 0 }}
      aria-describedby={error ? errorId : undefined}
      aria-invalid={error ? true : undefined}
    >
      <legend>Établissements concernés</legend>
      <div className="row" style={{ alignItems: "flex-end" }}>
        <div className="field" style={{ flex: "1 1 260px" }}>
          <label htmlFor={filterId} className="small" style={{ fontWeight: 500 }}>
            Filtrer par nom, FINESS ou département
          </label>
          <input
            ref={focusRef}
            id={filterId}
            className="input"
            type="search"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            autoComplete="off"
          />
        </div>
        <p className="muted small" role="status" style={{ margin: 0 }}>
          {selected.size} sélectionné{selected.size > 1 ? "s" : ""} sur {total}
        </p>
      </div>
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
      <div
        style={{
          maxHeight: "28rem",
          overflowY: "auto",
          border: "1px solid var(--line)",
          borderRadius: "var(--radius)",
          padding: "0.5rem 0.75rem",
        }}
      >
        {shown.length === 0 ? (
          <p className="muted" style={{ margin: "0.5rem 0" }}>
            Aucun établissement ne correspond à ce filtre.
          </p>
        ) : (
          shown.map((region) => {
            const ids = region.visible.map((e) => e.id);
            const count = ids.filter((id) => selected.has(id)).length;
            return (
              <fieldset
                key={region.id}
                style={{ border: 0, borderBottom: "1px solid var(--line)", padding: "0.5rem 0", margin: 0 }}
              >
                <legend className="visually-hidden">{region.name}</legend>
                <div className="row" style={{ justifyContent: "space-between" }}>
                  <strong aria-hidden="true">{region.name}</strong>
                  <RegionToggle
                    label={`Tout sélectionner (${ids.length}${needle ? " affichés" : ""})`}
                    checked={count === ids.length}
                    indeterminate={count > 0 && count < ids.length}
                    onChange={(on) => set(ids, on)}
                  />
                </div>
                <ul
                  style={{
                    listStyle: "none",
                    margin: "0.25rem 0 0",
                    padding: 0,
                    display: "grid",
                    gridTemplateColumns: "repeat(auto-fill, minmax(280px, 1fr))",
                    gap: "0.15rem 1rem",
                  }}
                >
                  {region.visible.map((e) => {
                    const isLocked = locked.has(e.id);
                    return (
                      <li key={e.id}>
                        <label className="checkbox" style={{ fontWeight: 400 }}>
                          <input
                            type="checkbox"
                            checked={selected.has(e.id)}
                            disabled={isLocked}
                            onChange={(ev) => set([e.id], ev.target.checked)}
                          />
                          <span>
                            {e.name} <span className="muted small">({e.departementCode})</span>
                            {e.disabled ? (
                              <span className="badge badge-grey" style={{ marginLeft: 6 }}>
                                désactivé
                              </span>
                            ) : null}
                            {isLocked ? (
                              <span className="badge badge-orange" style={{ marginLeft: 6 }}>
                                évaluation commencée
                              </span>
                            ) : null}
                          </span>
                        </label>
                      </li>
                    );
                  })}
                </ul>
              </fieldset>
            );
          })
        )}
      </div>
    </fieldset>
  );
}
