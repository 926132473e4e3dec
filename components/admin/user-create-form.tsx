"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { controlA11y, Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { ZUserCreate } from "@/lib/admin/schemas";
import { useServerSubmit } from "./use-server-submit";

type Values = z.input<typeof ZUserCreate>;
const FIELDS = ["email", "name", "title", "password"] as const;

/** A new account; its roles are added on its page afterwards. */
export function UserCreateForm() {
  const router = useRouter();
  const { register, handleSubmit, formState, setError } = useForm<Values, unknown, z.output<typeof ZUserCreate>>({
    resolver: zodResolver(ZUserCreate),
    defaultValues: { email: "", name: "", title: "", password: "" },
  });
  const { alert, send } = useServerSubmit(setError, FIELDS);
  const { errors, isSubmitting } = formState;

  async function onSubmit(values: z.output<typeof ZUserCreate>) {
    const created = await send("/api/admin/users", "POST", values);
    if (!created) return;
    router.refresh(); // drop the cached list before showing it
    router.push(`/admin/users/${created.id}`);
  }

  const err = (name: (typeof FIELDS)[number]) => errors[name]?.message;
  return (
    <form className="form" onSubmit={handleSubmit(onSubmit)} noValidate aria-label="Nouveau compte">
      <FormAlert message={alert?.message} errors={alert?.errors} />
      <Field id="email" label="Adresse électronique" error={err("email")}>
        <input
          className="input"
          type="email"
          autoComplete="off"
          {...controlA11y("email", err("email"))}
          {...register("email")}
        />
      </Field>
      <div className="form-grid">
        <Field id="name" label="Nom complet" error={err("name")}>
          <input className="input" autoComplete="off" {...controlA11y("name", err("name"))} {...register("name")} />
        </Field>
        <Field id="title" label="Fonction" hint="facultatif, figure sur l'attestation" error={err("title")}>
          <input className="input" autoComplete="off" {...controlA11y("title", err("title"))} {...register("title")} />
        </Field>
      </div>
      <Field
        id="password"
        label="Mot de passe initial"
        hint="12 caractères au moins, à transmettre à la personne"
        error={err("password")}
      >
        <input
          className="input"
          type="password"
          autoComplete="new-password"
          {...controlA11y("password", err("password"))}
          {...register("password")}
        />
      </Field>
      <div className="form-actions">
        <button className="btn" type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Création…" : "Créer le compte"}
        </button>
      </div>
    </form>
  );
}
