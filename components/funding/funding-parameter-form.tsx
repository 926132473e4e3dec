"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm, useWatch } from "react-hook-form";
import { useServerSubmit } from "@/components/admin/use-server-submit";
import { controlA11y, Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
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
const emptyToNull = (v: unknown) => (v === "" || v === undefined ? null : v);
const toAmount = (v: unknown) => (v === "" || v === null || v === undefined ? Number.NaN : Number(v));
const toOptionalAmount = (v: unknown) => (v === "" || v === null || v === undefined ? null : Number(v));

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
  const optionalNumber = (
    id: string,
    name: "amountMaxEuros" | "eligibleCount" | "populationActivity" | "ceilingEuros",
    label: string,
    hint: string,
  ) => (
    <Field id={id} label={label} hint={hint} error={err(name)}>
      <input
        className="input"
        type="number"
        inputMode="numeric"
        min={0}
        step={1}
        {...controlA11y(id, err(name))}
        {...register(name, { setValueAs: toOptionalAmount })}
      />
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
    <form
      className="form"
      style={{ maxWidth: "none" }}
      onSubmit={handleSubmit(onSubmit)}
      noValidate
      aria-label={parameterId ? "Modifier le paramètre" : "Nouveau paramètre"}
    >
      <FormAlert message={alert?.message} errors={alert?.errors} />
      <div className="form-grid">
        <Field id="fp-campaign" label="Campagne" error={err("campaignId")}>
          <select className="select" {...controlA11y("fp-campaign", err("campaignId"))} {...register("campaignId")}>
            <option value="">Choisir…</option>
            {options.campaigns.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
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
              {options.regions.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
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
            {(campaign?.domains ?? []).map((d) => (
              <option key={d.code} value={d.code}>
                {d.code} — {d.title}
              </option>
            ))}
          </select>
        </Field>
        <Field
          id="fp-amount"
          label="Montant"
          hint="en euros, nombre entier ; le bas de la fourchette s'il y en a une"
          error={err("amountEuros")}
        >
          <input
            className="input"
            type="number"
            inputMode="numeric"
            min={0}
            step={1}
            {...controlA11y("fp-amount", err("amountEuros"))}
            {...register("amountEuros", { setValueAs: toAmount })}
          />
        </Field>
        {optionalNumber("fp-amount-max", "amountMaxEuros", "Haut de la fourchette", "facultatif, en euros")}
      </div>
      <fieldset className="fieldset">
        <legend>Population et plafond nommés par l&apos;hypothèse</legend>
        <p className="small muted" style={{ marginTop: 0 }}>
          Une enveloppe régionale se partage sur la population que nomme l&apos;hypothèse (pas sur les établissements
          inscrits à la campagne) : indiquez le nombre d&apos;établissements éligibles ou l&apos;activité totale de
          cette population. Le montant affiché est un ordre de grandeur arrondi.
        </p>
        <div className="form-grid">
          {optionalNumber("fp-eligible", "eligibleCount", "Établissements éligibles", "partage à parts égales")}
          {optionalNumber(
            "fp-population",
            "populationActivity",
            "Activité totale de la population",
            "partage au prorata de l'activité (prioritaire)",
          )}
          {optionalNumber("fp-ceiling", "ceilingEuros", "Plafond par établissement", "facultatif, en euros")}
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
      <div className="form-actions">
        <button className="btn" type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Enregistrement…" : parameterId ? "Enregistrer" : "Ajouter le paramètre"}
        </button>
        <button className="btn btn-secondary" type="button" onClick={onDone}>
          Annuler
        </button>
      </div>
    </form>
  );
}
