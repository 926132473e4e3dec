"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { useServerSubmit } from "@/components/admin/use-server-submit";
import { controlA11y, Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { ZInvitationAccept } from "@/lib/invitations/schemas";

type Values = z.input<typeof ZInvitationAccept>;
const FIELDS = ["password", "confirmation"] as const;

/** The invited person chooses their password, then is signed in and lands on their home. */
export function AcceptInvitationForm({
  token,
  purpose = "invitation",
}: Readonly<{ token: string; purpose?: "invitation" | "password_reset" }>) {
  const router = useRouter();
  const { register, handleSubmit, formState, setError } = useForm<Values, unknown, z.output<typeof ZInvitationAccept>>({
    resolver: zodResolver(ZInvitationAccept),
    defaultValues: { token, password: "", confirmation: "" },
  });
  const { alert, send } = useServerSubmit(setError, FIELDS);
  const err = (name: (typeof FIELDS)[number]) => formState.errors[name]?.message;

  async function onSubmit(values: z.output<typeof ZInvitationAccept>) {
    const accepted = await send<{ email: string }>("/api/invitations/accept", "POST", values);
    if (!accepted) return;
    const result = await signIn("credentials", {
      email: accepted.email,
      password: values.password,
      redirect: false,
    }).catch(() => null);
    // A right password may still owe a second factor: the home page then leads to the code step.
    router.replace(result && !result.error ? "/" : "/login");
    router.refresh();
  }

  return (
    <form className="form" onSubmit={handleSubmit(onSubmit)} noValidate aria-label="Choisir un mot de passe">
      <FormAlert message={alert?.message} errors={alert?.errors} />
      <input type="hidden" {...register("token")} />
      <Field id="password" label="Mot de passe" hint="12 caractères au moins" error={err("password")}>
        <input
          className="input"
          type="password"
          autoComplete="new-password"
          {...controlA11y("password", err("password"))}
          {...register("password")}
        />
      </Field>
      <Field id="confirmation" label="Confirmation du mot de passe" error={err("confirmation")}>
        <input
          className="input"
          type="password"
          autoComplete="new-password"
          {...controlA11y("confirmation", err("confirmation"))}
          {...register("confirmation")}
        />
      </Field>
      <div className="form-actions">
        <button className="btn" type="submit" disabled={formState.isSubmitting}>
          {formState.isSubmitting
            ? "Enregistrement…"
            : purpose === "password_reset"
              ? "Enregistrer mon nouveau mot de passe"
              : "Activer mon compte"}
        </button>
      </div>
    </form>
  );
}
