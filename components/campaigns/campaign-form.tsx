"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useController, useForm } from "react-hook-form";
import { useServerSubmit } from "@/components/admin/use-server-submit";
import { controlA11y, Field, IntegerInput, Options } from "@/components/ui/field";
import { ServerForm } from "@/components/ui/server-form";
import { type CampaignFormValues, type CampaignInput, ZCampaignInput } from "@/lib/campaigns/schemas";
import { EstablishmentPicker, type PickerRegion } from "./establishment-picker";

// Create (no campaignId) or edit a campaign: its referential version, its dates and the
// establishments it concerns. Same zod schema as the route, so the browser and the server refuse
// the same things with the same French messages.

export type VersionOption = {
  id: string;
  label: string;
  referentialId: string;
  referentialTitle: string;
  programme: string;
};

type Props = Readonly<{
  campaignId?: string;
  /** The page builds them (for a new campaign: empty fields and the current year). */
  defaults: CampaignFormValues;
  versions: VersionOption[];
  regions: PickerRegion[];
  /** Establishments that started their assessment: the version is locked and they stay in. */
  startedEstablishmentIds?: string[];
}>;

const FIELDS = ["name", "year", "referentialVersionId", "opensOn", "closesOn", "establishmentIds"] as const;

/** Versions grouped by referential for the select's optgroups, in the order the server gave. */
function groupVersions(versions: VersionOption[]) {
  const groups = new Map<string, { title: string; options: VersionOption[] }>();
  for (const v of versions) {
    const group = groups.get(v.referentialId) ?? { title: v.referentialTitle, options: [] };
    group.options.push(v);
    groups.set(v.referentialId, group);
  }
  return [...groups.entries()];
}

export function CampaignForm({ campaignId, defaults, versions, regions, startedEstablishmentIds = [] }: Props) {
  const router = useRouter();
  const { register, handleSubmit, formState, setError, control } = useForm<CampaignFormValues, unknown, CampaignInput>({
    resolver: zodResolver(ZCampaignInput),
    defaultValues: defaults,
  });
  const { alert, send } = useServerSubmit(setError, FIELDS);
  const { errors, isSubmitting } = formState;
  const establishments = useController({ control, name: "establishmentIds" });
  const versionLocked = Boolean(campaignId) && startedEstablishmentIds.length > 0;
  const lockedVersion = versions.find((v) => v.id === defaults.referentialVersionId);

  async function onSubmit(values: CampaignInput) {
    const saved = campaignId
      ? await send(`/api/admin/campaigns/${campaignId}`, "PATCH", values)
      : await send("/api/admin/campaigns", "POST", values);
    if (!saved) return;
    router.refresh(); // drop the cached list before showing it
    router.push("/admin/campaigns");
  }

  const err = (name: Exclude<(typeof FIELDS)[number], "establishmentIds">) => errors[name]?.message;
  const establishmentsError = errors.establishmentIds?.message ?? errors.establishmentIds?.root?.message;
  return (
    <ServerForm
      label={campaignId ? "Modifier la campagne" : "Nouvelle campagne"}
      onSubmit={handleSubmit(onSubmit)}
      alert={alert}
      wide
      submitLabel={campaignId ? "Enregistrer les modifications" : "Créer la campagne"}
      submitting={isSubmitting}
    >
      <div className="form-grid">
        <Field id="name" label="Nom de la campagne" error={err("name")}>
          <input className="input" maxLength={200} {...controlA11y("name", err("name"))} {...register("name")} />
        </Field>
        <Field id="year" label="Année" hint="2019 à 2100" error={err("year")}>
          <IntegerInput
            id="year"
            error={err("year")}
            min={2019}
            max={2100}
            registered={register("year", { valueAsNumber: true })}
          />
        </Field>
      </div>
      {versionLocked ? (
        <div className="field">
          <span style={{ fontWeight: 600, fontSize: "0.95rem" }}>Version du référentiel</span>
          <p style={{ margin: 0 }}>
            {lockedVersion?.label ?? defaults.referentialVersionId}{" "}
            <span className="badge badge-orange">verrouillée</span>
          </p>
          <p className="muted small" style={{ margin: 0 }}>
            Des évaluations sont commencées dans cette campagne : elles restent sur cette version. Pour une nouvelle
            version, créez une nouvelle campagne.
          </p>
          {err("referentialVersionId") ? <p className="field-error">{err("referentialVersionId")}</p> : null}
        </div>
      ) : (
        <Field id="referentialVersionId" label="Version du référentiel" error={err("referentialVersionId")}>
          <select
            className="select"
            {...controlA11y("referentialVersionId", err("referentialVersionId"))}
            {...register("referentialVersionId")}
          >
            <option value="">Choisir…</option>
            {groupVersions(versions).map(([referentialId, { title, options }]) => (
              <optgroup key={referentialId} label={title}>
                <Options options={options.map((v) => ({ value: v.id, label: v.label }))} />
              </optgroup>
            ))}
          </select>
        </Field>
      )}
      <div className="form-grid">
        <Field id="opensOn" label="Ouverture" error={err("opensOn")}>
          <input className="input" type="date" {...controlA11y("opensOn", err("opensOn"))} {...register("opensOn")} />
        </Field>
        <Field id="closesOn" label="Clôture" hint="après l'ouverture" error={err("closesOn")}>
          <input
            className="input"
            type="date"
            {...controlA11y("closesOn", err("closesOn"))}
            {...register("closesOn")}
          />
        </Field>
      </div>
      <EstablishmentPicker
        regions={regions}
        value={establishments.field.value ?? []}
        onChange={establishments.field.onChange}
        lockedIds={campaignId ? startedEstablishmentIds : []}
        error={establishmentsError}
        errorId="establishmentIds-error"
        focusRef={establishments.field.ref}
      />
    </ServerForm>
  );
}
