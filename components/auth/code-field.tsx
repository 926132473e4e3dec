import type { UseFormRegisterReturn } from "react-hook-form";
import { controlA11y, Field } from "@/components/ui/field";

/**
 * The 6-digit code of a second factor (authenticator or e-mail). The only task on its page, so it
 * takes the focus; numeric keyboard and the browser's one-time-code autofill.
 */
export function CodeField({
  hint,
  error,
  registration,
}: Readonly<{ hint: string; error?: string; registration: UseFormRegisterReturn<"code"> }>) {
  return (
    <Field id="code" label="Code à 6 chiffres" hint={hint} error={error}>
      <input
        className="input input-code"
        type="text"
        inputMode="numeric"
        autoComplete="one-time-code"
        autoFocus
        {...controlA11y("code", error)}
        {...registration}
      />
    </Field>
  );
}
