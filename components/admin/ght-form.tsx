"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { controlA11y, Field, Options } from "@/components/ui/field";
import { ServerForm } from "@/components/ui/server-form";
import { ZGhtInput } from "@/lib/admin/schemas";
import { useServerSubmit } from "./use-server-submit";

type Values = z.input<typeof ZGhtInput>;
type Establishment = { id: string; name: string; regionId: string; ghtId: string | null; disabled: boolean };
type Props = Readonly<{
  ghtId?: string;
  defaults?: Values;
  regions: { id: string; name: string }[];
  establishments: Establishment[];
}>;

const FIELDS = ["name", "regionId", "supportEstablishmentId"] as const;
const EMPTY: Values = { name: "", regionId: "", supportEstablishmentId: null };

/** Create (no ghtId) or edit a GHT. The support is chosen among the region's establishments not in another GHT. */
export function GhtForm({ ghtId, defaults = EMPTY, regions, establishments }: Props) {
  const router = useRouter();
  const { register, handleSubmit, formState, setError, setValue, getValues, control } = useForm<
    Values,
    unknown,
    z.output<typeof ZGhtInput>
  >({
    resolver: zodResolver(ZGhtInput),
    defaultValues: defaults,
  });
  const { alert, send } = useServerSubmit(setError, FIELDS);
  const { errors, isSubmitting } = formState;
  const regionId = useWatch({ control, name: "regionId" });
  const candidates = establishments.filter(
    (e) =>
      e.id === defaults.supportEstablishmentId ||
      (e.regionId === regionId && !e.disabled && (e.ghtId === null || e.ghtId === ghtId)),
  );

  function onRegionChange(event: { target: { value: string } }) {
    const support = establishments.find((e) => e.id === getValues("supportEstablishmentId"));
    if (support && support.regionId !== event.target.value) setValue("supportEstablishmentId", null);
  }

  async function onSubmit(values: z.output<typeof ZGhtInput>) {
    const saved = ghtId
      ? await send(`/api/admin/ghts/${ghtId}`, "PATCH", values)
      : await send("/api/admin/ghts", "POST", values);
    if (!saved) return;
    router.refresh(); // drop the cached list before showing it
    router.push("/admin/ghts");
  }

  const err = (name: (typeof FIELDS)[number]) => errors[name]?.message;
  return (
    <ServerForm
      label={ghtId ? "Modifier le GHT" : "Nouveau GHT"}
      onSubmit={handleSubmit(onSubmit)}
      alert={alert}
      submitLabel={ghtId ? "Enregistrer les modifications" : "Créer le GHT"}
      submitting={isSubmitting}
    >
      <Field id="name" label="Nom du GHT" error={err("name")}>
        <input className="input" {...controlA11y("name", err("name"))} {...register("name")} />
      </Field>
      <Field id="regionId" label="Région" error={err("regionId")}>
        <select
          className="select"
          {...controlA11y("regionId", err("regionId"))}
          {...register("regionId", { onChange: onRegionChange })}
        >
          <option value="">Choisir…</option>
          <Options options={regions.map((r) => ({ value: r.id, label: r.name }))} />
        </select>
      </Field>
      <Field
        id="supportEstablishmentId"
        label="Établissement support"
        hint="il rejoint le GHT s'il n'en est pas membre"
        error={err("supportEstablishmentId")}
      >
        <select
          className="select"
          {...controlA11y("supportEstablishmentId", err("supportEstablishmentId"))}
          {...register("supportEstablishmentId", { setValueAs: (v) => (v ? v : null) })}
        >
          <option value="">Aucun pour l&apos;instant</option>
          <Options options={candidates.map((e) => ({ value: e.id, label: e.name }))} />
        </select>
      </Field>
    </ServerForm>
  );
}
