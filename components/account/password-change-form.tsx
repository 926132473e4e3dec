"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { useServerSubmit } from "@/components/admin/use-server-submit";
import { controlA11y, Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { ZPasswordChange } from "@/lib/account/schemas";

type Values = z.input<typeof ZPasswordChange>;
const FIELDS = ["current", "next", "confirm"] as const;

/**
 * Current password, new one twice. The change ends every session, this one included, so on success
 * the form signs in again with the new password before going on.
 */
export function PasswordChangeForm({ email }: Readonly<{ email: string }>) {
  const router = useRouter();
  const [done, setDone] = useState<string | null>(null);
  const { register, handleSubmit, formState, setError } = useForm<Values, unknown, z.output<typeof ZPasswordChange>>({
    resolver: zodResolver(ZPasswordChange),
    defaultValues: { current: "", next: "", confirm: "" },
  });
  const { alert, send } = useServerSubmit(setError, FIELDS);
  const { errors, isSubmitting } = formState;

  async function onSubmit(values: z.output<typeof ZPasswordChange>) {
    setDone(null);
    if (!(await send("/api/account/password", "PUT", values))) return;
    setDone("Mot de passe changé. Vos autres sessions ont été fermées.");
    const again = await signIn("credentials", { email, password: values.next, redirect: false }).catch(() => null);
    if (!again || again.error) {
      router.replace("/login");
      return;
    }
    router.replace("/");
    router.refresh();
  }

  const err = (name: (typeof FIELDS)[number]) => errors[name]?.message;
  return (
    <form className="form" onSubmit={handleSubmit(onSubmit)} noValidate aria-label="Changer de mot de passe">
      <FormAlert message={alert?.message} errors={alert?.errors} />
      <FormAlert message={done} kind="success" />
      <input type="email" autoComplete="username" value={email} readOnly hidden />
      <Field id="current" label="Mot de passe actuel" error={err("current")}>
        <input
          className="input"
          type="password"
          autoComplete="current-password"
          {...controlA11y("current", err("current"))}
          {...register("current")}
        />
      </Field>
      <Field
        id="next"
        label="Nouveau mot de passe"
        hint="12 caractères au moins, 72 octets au plus (une lettre accentuée compte pour deux)"
        error={err("next")}
      >
        <input
          className="input"
          type="password"
          autoComplete="new-password"
          {...controlA11y("next", err("next"))}
          {...register("next")}
        />
      </Field>
      <Field id="confirm" label="Confirmez le nouveau mot de passe" error={err("confirm")}>
        <input
          className="input"
          type="password"
          autoComplete="new-password"
          {...controlA11y("confirm", err("confirm"))}
          {...register("confirm")}
        />
      </Field>
      <div className="form-actions">
        <button className="btn" type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Enregistrement…" : "Changer de mot de passe"}
        </button>
      </div>
    </form>
  );
}
