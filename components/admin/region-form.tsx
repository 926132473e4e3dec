"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { controlA11y, Field } from "@/components/ui/field";
import { ServerForm } from "@/components/ui/server-form";
import { ZRegionInput } from "@/lib/admin/schemas";
import { useServerSubmit } from "./use-server-submit";

type Values = z.input<typeof ZRegionInput>;
const FIELDS = ["code", "name"] as const;

/** A new region (its départements are reference data, loaded separately). */
export function RegionForm() {
  const router = useRouter();
  const { register, handleSubmit, formState, setError } = useForm<Values, unknown, z.output<typeof ZRegionInput>>({
    resolver: zodResolver(ZRegionInput),
    defaultValues: { code: "", name: "" },
  });
  const { alert, send } = useServerSubmit(setError, FIELDS);
  const { errors, isSubmitting } = formState;

  async function onSubmit(values: z.output<typeof ZRegionInput>) {
    if (!(await send("/api/admin/regions", "POST", values))) return;
    router.refresh(); // drop the cached list before showing it
    router.push("/admin/regions");
  }

  return (
    <ServerForm
      label="Nouvelle région"
      onSubmit={handleSubmit(onSubmit)}
      alert={alert}
      submitLabel="Créer la région"
      submitting={isSubmitting}
    >
      <div className="form-grid">
        <Field id="code" label="Code INSEE" hint="2 ou 3 caractères" error={errors.code?.message}>
          <input
            className="input"
            maxLength={3}
            autoComplete="off"
            {...controlA11y("code", errors.code?.message)}
            {...register("code")}
          />
        </Field>
        <Field id="name" label="Nom" error={errors.name?.message}>
          <input className="input" {...controlA11y("name", errors.name?.message)} {...register("name")} />
        </Field>
      </div>
    </ServerForm>
  );
}
