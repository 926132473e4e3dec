import type { UseFormRegisterReturn } from "react-hook-form";
import { controlA11y, Field, Options } from "@/components/ui/field";

type Props = Readonly<{
  id: string;
  label: string;
  placeholder: string;
  options: { id: string; name: string }[];
  error?: string;
  register: UseFormRegisterReturn;
}>;

/** A labelled select of named options, with an empty first choice (so "nothing chosen" is a field error). */
export function ScopeSelect({ id, label, placeholder, options, error, register }: Props) {
  return (
    <Field id={id} label={label} error={error}>
      <select className="select" defaultValue="" {...controlA11y(id, error)} {...register}>
        <option value="">{placeholder}</option>
        <Options options={options.map((o) => ({ value: o.id, label: o.name }))} />
      </select>
    </Field>
  );
}
