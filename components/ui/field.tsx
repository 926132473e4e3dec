import type { ReactNode } from "react";

type FieldProps = Readonly<{
  id: string;
  label: string;
  hint?: string;
  error?: string;
  children: ReactNode;
}>;

/** Label, hint and error wired to the control by id (the control sets aria-describedby itself). */
export function Field({ id, label, hint, error, children }: FieldProps) {
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {hint ? <span className="hint"> — {hint}</span> : null}
      </label>
      {children}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** aria props for a control inside <Field>. */
export function controlA11y(id: string, error?: string) {
  return { id, "aria-invalid": error ? true : undefined, "aria-describedby": error ? `${id}-error` : undefined };
}
