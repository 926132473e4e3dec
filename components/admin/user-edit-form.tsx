"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { controlA11y, Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { ZUserUpdate } from "@/lib/admin/schemas";
import { useServerSubmit } from "./use-server-submit";

type Values = z.input<typeof ZUserUpdate>;
type Props = Readonly<{
  userId: string;
  defaults: { name: string; title: string | null; disabled: boolean };
  isSelf: boolean;
}>;
const FIELDS = ["name", "title", "disabled"] as const;

/**
 * Name, job title and the disabled flag (never one's own). No password: no admin ever chooses one;
 * a forgotten password gets a reset link (components/invitations/password-reset-button.tsx).
 */
export function UserEditForm({ userId, defaults, isSelf }: Props) {
  const router = useRouter();
  const { register, handleSubmit, formState, setError } = useForm<Values, unknown, z.output<typeof ZUserUpdate>>({
    resolver: zodResolver(ZUserUpdate),
    defaultValues: { name: defaults.name, title: defaults.title ?? "", disabled: defaults.disabled },
  });
  const { alert, send } = useServerSubmit(setError, FIELDS);
  const { errors, isSubmitting } = formState;

  async function onSubmit(values: z.output<typeof ZUserUpdate>) {
    if (!(await send(`/api/admin/users/${userId}`, "PATCH", values))) return;
    router.refresh(); // drop the cached list before showing it
    router.push("/admin/users");
  }

  const err = (name: (typeof FIELDS)[number]) => errors[name]?.message;
  return (
    <form className="form" onSubmit={handleSubmit(onSubmit)} noValidate aria-label="Modifier le compte">
      <FormAlert message={alert?.message} errors={alert?.errors} />
      <div className="form-grid">
        <Field id="name" label="Nom complet" error={err("name")}>
          <input className="input" autoComplete="off" {...controlA11y("name", err("name"))} {...register("name")} />
        </Field>
        <Field id="title" label="Fonction" hint="facultatif" error={err("title")}>
          <input className="input" autoComplete="off" {...controlA11y("title", err("title"))} {...register("title")} />
        </Field>
      </div>
      {isSelf ? (
        <p className="small muted" style={{ margin: 0 }}>
          C&apos;est votre propre compte : vous ne pouvez pas le désactiver.
        </p>
      ) : (
        <div className="field">
          <label className="checkbox" htmlFor="disabled">
            <input type="checkbox" {...controlA11y("disabled", err("disabled"))} {...register("disabled")} />
            Compte désactivé (la personne ne peut plus se connecter)
          </label>
          {err("disabled") ? (
            <p className="field-error" id="disabled-error">
              {err("disabled")}
            </p>
          ) : null}
        </div>
      )}
      <div className="form-actions">
        <button className="btn" type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Enregistrement…" : "Enregistrer les modifications"}
        </button>
      </div>
    </form>
  );
}
