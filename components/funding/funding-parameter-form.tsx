"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm, useWatch } from "react-hook-form";
import { useServerSubmit } from "@/components/admin/use-server-submit";
import { controlA11y, emptyToNull, Field, IntegerInput, optionalNumber, Options } from "@/components/ui/field";
import { ServerForm } from "@/components/ui/server-form";
import {
  type FundingParameterFormValues,
  type FundingParameterInput,
  ZFundingParameterInput,
} from "@/lib/funding/schemas";

// Add (no `parameterId`) or replace a funding assumption. Same schema as the routes.

export type FundingFormOptions = {
  campaigns: { id: string; name: string; domains: { code: string; title: string }[] }[];
  regions: { id: string; name: string }[];
  establishments: { id: string; name: string; campaignIds: string[] }[];
};

type Props = Readonly<{
  options: FundingFormOptions;
  defaults: FundingParameterFormValues;
  parameterId?: string;
  onDone: () => void;
}>;

const FIELDS = [
  "campaignId",
  "scope",
  "regionId",
  "establishmentId",
  "domainCode",
  "amountEuros",
  "amountMaxEuros",
  "eligibleCount",
  "populationActivity",
  "ceilingEuros",
  "assumption",
  "isExample",
] as const;
const toAmount = (v: unknown) => (v === "" || v === null || v === undefined ? Number.NaN : Number(v));

export function FundingParameterForm({ options, defaults, parameterId, onDone }: Props) {
  const router = useRouter();
  const { register, handleSubmit, formState, setError, control } = useForm<
    FundingParameterFormValues,
    unknown,
    FundingParameterInput
  >({
    resolver: zodResolver(ZFundingParameterInput),
    defaultValues: defaults,
    shouldUnregister: true, // the hidden scope's control is not sent
  });
  const { alert, send } = useServerSubmit(setError, FIELDS);
  const { errors, isSubmitting } = formState;
  const err = (name: (typeof FIELDS)[number]) => errors[name]?.message;
  const campaignId = useWatch({ control, name: "campaignId" });
  const scope = useWatch({ control, name: "scope" });
  const campaign = options.campaigns.find((c) => c.id === campaignId);
  const optionalNumberField = (
    id: string,
    name: "amountMaxEuros" | "eligibleCount" | "populationActivity" | "ceilingEuros",
    label: string,
    hint: string,
  ) => (
    <Field id={id} label={label} hint={hint} error={err(name)}>
      <IntegerInput id={id} error={err(name)} registered={register(name, { setValueAs: optionalNumber })} />
    </Field>
  );

  async function onSubmit(values: FundingParameterInput) {
    const saved = parameterId
      ? await send(`/api/funding/parameters/${parameterId}`, "PATCH", values)
      : await send("/api/funding/parameters", "POST", values);
    if (!saved) return;
    router.refresh();
    onDone();
  }

  return (
    <ServerForm
      label={parameterId ? "Modifier le paramètre" : "Nouveau paramètre"}
      onSubmit={handleSubmit(onSubmit)}
      alert={alert}
      wide
      submitLabel={parameterId ? "Enregistrer" : "Ajouter le paramètre"}
      submitting={isSubmitting}
      onCancel={onDone}
    >
      <div className="form-grid">
        <Field id="fp-campaign" label="Campagne" error={err("campaignId")}>
          <select className="select" {...controlA11y("fp-campaign", err("campaignId"))} {...register("campaignId")}>
            <option value="">Choisir…</option>
            <Options options={options.campaigns.map((c) => ({ value: c.id, label: c.name }))} />
          </select>
        </Field>
        <Field id="fp-scope" label="Périmètre" error={err("scope")}>
          <select className="select" {...controlA11y("fp-scope", err("scope"))} {...register("scope")}>
            <option value="region">Enveloppe régionale (partagée sur la population de l&apos;hypothèse)</option>
            <option value="establishment">Un établissement (montant propre)</option>
          </select>
        </Field>
        {scope === "establishment" ? (
          <Field id="fp-establishment" label="Établissement" error={err("establishmentId")}>
            <select
              className="select"
              {...controlA11y("fp-establishment", err("establishmentId"))}
              {...register("establishmentId", { setValueAs: emptyToNull })}
            >
              <option value="">Choisir…</option>
              {options.establishments
                .filter((e) => !campaign || e.campaignIds.includes(campaign.id))
                .map((e) => (
                  <option key={e.id} value={e.id}>
                    {e.name}
                  </option>
                ))}
            </select>
          </Field>
        ) : (
          <Field id="fp-region" label="Région" error={err("regionId")}>
            <select
              className="select"
              {...controlA11y("fp-region", err("regionId"))}
              {...register("regionId", { setValueAs: emptyToNull })}
            >
              <option value="">Choisir…</option>
              <Options options={options.regions.map((r) => ({ value: r.id, label: r.name }))} />
            </select>
          </Field>
        )}
        <Field
          id="fp-domain"
          label="Domaine"
          hint="un montant de domaine s'ajoute à celui du programme"
          error={err("domainCode")}
        >
          <select
            className="select"
            {...controlA11y("fp-domain", err("domainCode"))}
            {...register("domainCode", { setValueAs: emptyToNull })}
          >
            <option value="">Tout le programme (tout ou rien)</option>
            <Options
              options={(campaign?.domains ?? []).map((d) => ({ value: d.code, label: `${d.code} — ${d.title}` }))}
            />
          </select>
        </Field>
        <Field
          id="fp-amount"
          label="Montant"
          hint="en euros, nombre entier ; le bas de la fourchette s'il y en a une"
          error={err("amountEuros")}
        >
          <IntegerInput
            id="fp-amount"
            error={err("amountEuros")}
            registered={register("amountEuros", { setValueAs: toAmount })}
          />
        </Field>
        {optionalNumberField("fp-amount-max", "amountMaxEuros", "Haut de la fourchette", "facultatif, en euros")}
      </div>
      <fieldset className="fieldset">
        <legend>Population et plafond nommés par l&apos;hypothèse</legend>
        <p className="small muted" style={{ marginTop: 0 }}>
          Une enveloppe régionale se partage sur la population que nomme l&apos;hypothèse (pas sur les établissements
          inscrits à la campagne) : indiquez le nombre d&apos;établissements éligibles ou l&apos;activité totale de
          cette population. Le montant affiché est un ordre de grandeur arrondi.
        </p>
        <div className="form-grid">
          {optionalNumberField("fp-eligible", "eligibleCount", "Établissements éligibles", "partage à parts égales")}
          {optionalNumberField(
            "fp-population",
            "populationActivity",
            "Activité totale de la population",
            "partage au prorata de l'activité (prioritaire)",
          )}
          {optionalNumberField("fp-ceiling", "ceilingEuros", "Plafond par établissement", "facultatif, en euros")}
        </div>
      </fieldset>
      <Field
        id="fp-assumption"
        label="Hypothèse"
        hint="d'où vient ce montant ? 10 à 1 000 caractères"
        error={err("assumption")}
      >
        <textarea
          className="textarea"
          maxLength={1000}
          {...controlA11y("fp-assumption", err("assumption"))}
          {...register("assumption")}
        />
      </Field>
      <label className="checkbox">
        <input type="checkbox" {...register("isExample")} /> Exemple : hypothèse de démonstration, pas un montant
        notifié
      </label>
    </ServerForm>
  );
}
