"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { CATEGORY_LABELS } from "@/components/establishments/labels";
import { controlA11y, Field, IntegerInput, optionalNumber, Options } from "@/components/ui/field";
import { ServerForm } from "@/components/ui/server-form";
import { ZEstablishmentInput } from "@/lib/admin/schemas";
import { useServerSubmit } from "./use-server-submit";

type Values = z.input<typeof ZEstablishmentInput>;
type Option = { id: string; name: string; regionId: string };
type Departement = { code: string; name: string; regionId: string };
type Props = Readonly<{
  establishmentId?: string;
  defaults?: Values;
  regions: { id: string; name: string }[];
  departements: Departement[];
  ghts: Option[];
}>;

const FIELDS = ["finess", "name", "category", "departementCode", "ghtId", "annualActivity"] as const;
const EMPTY: Values = { finess: "", name: "", category: "CH", departementCode: "", ghtId: null, annualActivity: null };

/** Create (no establishmentId) or edit an establishment. Its region follows the département. */
export function EstablishmentForm({ establishmentId, defaults = EMPTY, regions, departements, ghts }: Props) {
  const router = useRouter();
  const { register, handleSubmit, formState, setError, setValue, getValues, control } = useForm<
    Values,
    unknown,
    z.output<typeof ZEstablishmentInput>
  >({
    resolver: zodResolver(ZEstablishmentInput),
    defaultValues: defaults,
  });
  const { alert, send } = useServerSubmit(setError, FIELDS);
  const { errors, isSubmitting } = formState;
  const regionOf = (code: string) => departements.find((d) => d.code === code)?.regionId;
  const departementCode = useWatch({ control, name: "departementCode" });
  const regionId = regionOf(departementCode ?? "");
  const regionGhts = ghts.filter((g) => g.regionId === regionId);

  function onDepartementChange(event: { target: { value: string } }) {
    const ght = ghts.find((g) => g.id === getValues("ghtId"));
    if (ght && ght.regionId !== regionOf(event.target.value)) setValue("ghtId", null);
  }

  async function onSubmit(values: z.output<typeof ZEstablishmentInput>) {
    const saved = establishmentId
      ? await send(`/api/admin/establishments/${establishmentId}`, "PATCH", values)
      : await send("/api/admin/establishments", "POST", values);
    if (!saved) return;
    router.refresh(); // drop the cached list before showing it
    router.push("/admin/establishments");
  }

  const err = (name: (typeof FIELDS)[number]) => errors[name]?.message;
  return (
    <ServerForm
      label={establishmentId ? "Modifier l'établissement" : "Nouvel établissement"}
      onSubmit={handleSubmit(onSubmit)}
      alert={alert}
      submitLabel={establishmentId ? "Enregistrer les modifications" : "Créer l'établissement"}
      submitting={isSubmitting}
    >
      <div className="form-grid">
        <Field id="finess" label="FINESS (entité juridique)" hint="9 caractères" error={err("finess")}>
          <input
            className="input"
            autoComplete="off"
            maxLength={9}
            {...controlA11y("finess", err("finess"))}
            {...register("finess")}
          />
        </Field>
        <Field id="category" label="Catégorie" error={err("category")}>
          <select className="select" {...controlA11y("category", err("category"))} {...register("category")}>
            {Object.entries(CATEGORY_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field id="name" label="Nom" error={err("name")}>
        <input className="input" {...controlA11y("name", err("name"))} {...register("name")} />
      </Field>
      <div className="form-grid">
        <Field id="departementCode" label="Département" hint="fixe la région" error={err("departementCode")}>
          <select
            className="select"
            {...controlA11y("departementCode", err("departementCode"))}
            {...register("departementCode", { onChange: onDepartementChange })}
          >
            <option value="">Choisir…</option>
            {regions.map((r) => (
              <optgroup key={r.id} label={r.name}>
                {departements
                  .filter((d) => d.regionId === r.id)
                  .map((d) => (
                    <option key={d.code} value={d.code}>
                      {d.code} — {d.name}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
        </Field>
        <Field id="ghtId" label="GHT" hint="de la même région" error={err("ghtId")}>
          <select
            className="select"
            {...controlA11y("ghtId", err("ghtId"))}
            {...register("ghtId", { setValueAs: (v) => (v ? v : null) })}
          >
            <option value="">Hors GHT</option>
            <Options options={regionGhts.map((g) => ({ value: g.id, label: g.name }))} />
          </select>
        </Field>
      </div>
      <Field id="annualActivity" label="Activité annuelle (séjours)" hint="facultatif" error={err("annualActivity")}>
        <IntegerInput
          id="annualActivity"
          error={err("annualActivity")}
          registered={register("annualActivity", { setValueAs: optionalNumber })}
        />
      </Field>
    </ServerForm>
  );
}
