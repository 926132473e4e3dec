import type { InputHTMLAttributes, ReactNode } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";

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

/** A whole-number input inside <Field> (the numeric keypad on touch screens); pass register(...) as `registered`. */
export function IntegerInput({
  id,
  error,
  min = 0,
  max,
  registered,
}: Readonly<{ id: string; error?: string; min?: number; max?: number; registered: UseFormRegisterReturn }>) {
  return (
    <input
      className="input"
      type="number"
      inputMode="numeric"
      min={min}
      max={max}
      step={1}
      {...controlA11y(id, error)}
      {...registered}
    />
  );
}

/** The <option>s of a select, from value → label pairs. */
export function Options({ options }: Readonly<{ options: readonly { value: string; label: string }[] }>) {
  return (
    <>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </>
  );
}

/** register's setValueAs for an optional control: emptied, it sends null ("none"), not "". */
export const emptyToNull = (v: unknown) => (v === "" || v === undefined ? null : v);

/** register's setValueAs for an optional number: emptied, null; else the number typed. */
export const optionalNumber = (v: unknown) => (v === "" || v === null || v === undefined ? null : Number(v));

type TextInputProps = Readonly<
  { id: string; error?: string; registered: UseFormRegisterReturn } & Omit<InputHTMLAttributes<HTMLInputElement>, "id">
>;

/** A text input inside <Field>; other attributes (type, autoComplete, maxLength…) pass through. */
export function TextInput({ id, error, registered, ...attributes }: TextInputProps) {
  return <input className="input" {...attributes} {...controlA11y(id, error)} {...registered} />;
}
