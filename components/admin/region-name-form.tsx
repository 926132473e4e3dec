"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { controlA11y, Field } from "@/components/ui/field";
import { ServerForm } from "@/components/ui/server-form";
import { ZRegionUpdate } from "@/lib/admin/schemas";
import { useServerSubmit } from "./use-server-submit";

type Values = z.input<typeof ZRegionUpdate>;
const FIELDS = ["name"] as const;

/** Renames a region; its INSEE code is not editable. */
export function RegionNameForm({ regionId, name }: Readonly<{ regionId: string; name: string }>) {
  const router = useRouter();
  const { register, handleSubmit, formState, setError } = useForm<Values, unknown, z.output<typeof ZRegionUpdate>>({
    resolver: zodResolver(ZRegionUpdate),
    defaultValues: { name },
  });
  const { alert, send } = useServerSubmit(setError, FIELDS);
  const { errors, isSubmitting } = formState;

  async function onSubmit(values: z.output<typeof ZRegionUpdate>) {
    if (!(await send(`/api/admin/regions/${regionId}`, "PATCH", values))) return;
    router.refresh(); // drop the cached list before showing it
    router.push("/admin/regions");
  }

  return (
    <ServerForm
      label="Renommer la région"
      onSubmit={handleSubmit(onSubmit)}
      alert={alert}
      submitLabel="Enregistrer"
      submitting={isSubmitting}
    >
      <Field id="name" label="Nom de la région" error={errors.name?.message}>
        <input className="input" {...controlA11y("name", errors.name?.message)} {...register("name")} />
      </Field>
    </ServerForm>
  );
}
