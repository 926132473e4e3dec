"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { getSession, signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { controlA11y, Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { safeCallbackPath } from "@/lib/auth/callback-url";

// The same rules as lib/auth/sign-in.ts ZSignIn (kept client-safe: that file imports bcrypt).
const ZLoginForm = z.object({
  email: z.email({ error: "Saisissez une adresse électronique valide." }).trim().max(254),
  password: z.string().min(1, { error: "Saisissez votre mot de passe." }).max(200),
});
type TLoginForm = z.infer<typeof ZLoginForm>;

const WRONG = "Adresse électronique ou mot de passe incorrect.";
const SSO_REQUIRED =
  "Votre établissement demande la connexion par ProConnect ou Pro Santé Connect : utilisez un des boutons ci-dessus. Le mot de passe n'est pas accepté pour ce compte.";

/** The French message for next-auth's error code; "rate_limited:<seconds>" names the wait. */
export function messageOf(code: string | undefined): string {
  if (code === "sso_required") return SSO_REQUIRED;
  const wait = /^rate_limited(?::(\d+))?$/.exec(code ?? "");
  if (!wait) return WRONG;
  const seconds = Number(wait[1] ?? 60);
  const delay = seconds < 90 ? `${seconds} seconde${seconds > 1 ? "s" : ""}` : `${Math.ceil(seconds / 60)} minutes`;
  return `Trop de tentatives échouées : patientez ${delay} avant de réessayer.`;
}

export function LoginForm({ callbackUrl }: Readonly<{ callbackUrl: string }>) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const { register, handleSubmit, formState } = useForm<TLoginForm>({ resolver: zodResolver(ZLoginForm) });
  const { errors, isSubmitting } = formState;

  async function onSubmit(values: TLoginForm) {
    setError(null);
    const result = await signIn("credentials", { ...values, redirect: false }).catch(() => null);
    if (!result || result.error) {
      setError(messageOf(result?.code));
      return;
    }
    // A right password that still owes a second factor gives a half-signed-in session: the code step.
    const session = await getSession().catch(() => null);
    const next = safeCallbackPath(callbackUrl);
    router.replace(
      session?.pendingFactor ? `/connexion/second-facteur?${new URLSearchParams({ callbackUrl: next })}` : next,
    );
    router.refresh();
  }

  return (
    <form className="form" onSubmit={handleSubmit(onSubmit)} noValidate aria-label="Connexion">
      <FormAlert message={error} />
      <Field id="email" label="Adresse électronique" error={errors.email?.message}>
        <input
          className="input"
          type="email"
          autoComplete="username"
          {...controlA11y("email", errors.email?.message)}
          {...register("email")}
        />
      </Field>
      <Field id="password" label="Mot de passe" error={errors.password?.message}>
        <input
          className="input"
          type="password"
          autoComplete="current-password"
          {...controlA11y("password", errors.password?.message)}
          {...register("password")}
        />
      </Field>
      <div className="form-actions">
        <button className="btn" type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Connexion…" : "Se connecter"}
        </button>
      </div>
    </form>
  );
}
