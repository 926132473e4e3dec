"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { useServerSubmit } from "@/components/admin/use-server-submit";
import { controlA11y, Field, Options } from "@/components/ui/field";
import { ServerForm } from "@/components/ui/server-form";
import { PATIENT_PATH_DOMAINS } from "@/lib/inventory/indicators";
import {
  DOMAIN_CODES,
  DOMAIN_LABELS,
  FLAG_FIELDS,
  FLAG_LABELS,
  HOSTING_LABELS,
  HOSTING_VALUES,
  type TApplication,
  type TApplicationInput,
  ZApplicationInput,
} from "@/lib/inventory/schemas";

type Values = z.input<typeof ZApplicationInput>;
type FieldName = keyof Values;
type Props = Readonly<{
  establishmentId: string;
  /** The application to edit; none to add one. */
  application?: TApplication;
  onSaved: (saved: TApplication) => void;
  onCancel: () => void;
}>;

const EMPTY: Values = {
  name: "",
  vendor: "",
  version: "",
  domains: [],
  hosting: "on_site",
  qhnCommitted: false,
  holdsHealthData: false,
  identityRepoConnected: false,
  movementRepoConnected: false,
  personalAuth: false,
};

const FIELDS = [
  "name",
  "vendor",
  "version",
  "domains",
  "hosting",
  ...FLAG_FIELDS,
] as const satisfies readonly FieldName[];
const SCOPE_DOMAINS = PATIENT_PATH_DOMAINS.map((d) => DOMAIN_LABELS[d]).join(", ");

function toValues(app: TApplication): Values {
  return {
    name: app.name,
    vendor: app.vendor ?? "",
    version: app.version ?? "",
    domains: app.domains,
    hosting: app.hosting,
    qhnCommitted: app.qhnCommitted,
    holdsHealthData: app.holdsHealthData,
    identityRepoConnected: app.identityRepoConnected,
    movementRepoConnected: app.movementRepoConnected,
    personalAuth: app.personalAuth,
  };
}

/** Add or edit one application; the same schema as the route and the CSV import. */
export function ApplicationForm({ establishmentId, application, onSaved, onCancel }: Props) {
  const { register, handleSubmit, formState, setError } = useForm<Values, unknown, TApplicationInput>({
    resolver: zodResolver(ZApplicationInput),
    defaultValues: application ? toValues(application) : EMPTY,
  });
  const { alert, send } = useServerSubmit(setError, FIELDS);
  const { errors, isSubmitting } = formState;
  const err = (name: FieldName) => errors[name]?.message;

  async function onSubmit(values: TApplicationInput) {
    const base = `/api/establishments/${establishmentId}/inventory`;
    const saved = application
      ? await send<TApplication>(`${base}/${application.id}`, "PATCH", values)
      : await send<TApplication>(base, "POST", values);
    if (saved) onSaved(saved);
  }

  return (
    <ServerForm
      label={application ? `Modifier ${application.name}` : "Nouvelle application"}
      onSubmit={handleSubmit(onSubmit)}
      alert={alert}
      wide
      submitLabel={application ? "Enregistrer les modifications" : "Ajouter l'application"}
      submitting={isSubmitting}
      onCancel={onCancel}
    >
      <Field id="app-name" label="Nom de l'application" error={err("name")}>
        <input
          className="input"
          autoComplete="off"
          maxLength={120}
          {...controlA11y("app-name", err("name"))}
          {...register("name")}
        />
      </Field>
      <div className="form-grid">
        <Field id="app-vendor" label="Éditeur" hint="facultatif" error={err("vendor")}>
          <input
            className="input"
            autoComplete="off"
            maxLength={120}
            {...controlA11y("app-vendor", err("vendor"))}
            {...register("vendor")}
          />
        </Field>
        <Field id="app-version" label="Version" hint="facultatif" error={err("version")}>
          <input
            className="input"
            autoComplete="off"
            maxLength={120}
            {...controlA11y("app-version", err("version"))}
            {...register("version")}
          />
        </Field>
        <Field id="app-hosting" label="Hébergement" error={err("hosting")}>
          <select className="select" {...controlA11y("app-hosting", err("hosting"))} {...register("hosting")}>
            <Options options={HOSTING_VALUES.map((h) => ({ value: h, label: HOSTING_LABELS[h] }))} />
          </select>
        </Field>
      </div>

      <fieldset
        className="field"
        style={{ border: "none", padding: 0, margin: 0 }}
        aria-describedby={err("domains") ? "app-domains-error" : "app-domains-hint"}
      >
        <legend>Domaines fonctionnels couverts</legend>
        <p className="hint small muted" id="app-domains-hint" style={{ margin: 0 }}>
          Au moins un. Les indicateurs identités et mouvements portent sur les applications qui couvrent :{" "}
          {SCOPE_DOMAINS}.
        </p>
        <div className="form-grid" style={{ gap: "0.35rem 1rem" }}>
          {DOMAIN_CODES.map((code) => (
            <label key={code} className="checkbox">
              <input
                type="checkbox"
                value={code}
                aria-invalid={err("domains") ? true : undefined}
                {...register("domains")}
              />
              {DOMAIN_LABELS[code]}
            </label>
          ))}
        </div>
        {err("domains") ? (
          <p className="field-error" id="app-domains-error">
            {err("domains")}
          </p>
        ) : null}
      </fieldset>

      <fieldset className="field" style={{ border: "none", padding: 0, margin: 0 }}>
        <legend>Caractéristiques</legend>
        {FLAG_FIELDS.map((flag) => (
          <div key={flag}>
            <label className="checkbox" htmlFor={`app-${flag}`}>
              <input type="checkbox" id={`app-${flag}`} aria-describedby={`app-${flag}-hint`} {...register(flag)} />
              {FLAG_LABELS[flag].label}
            </label>
            <p className="hint small muted" id={`app-${flag}-hint`} style={{ margin: "0 0 0.4rem 1.75rem" }}>
              {FLAG_LABELS[flag].hint}
            </p>
            {err(flag) ? <p className="field-error">{err(flag)}</p> : null}
          </div>
        ))}
      </fieldset>
    </ServerForm>
  );
}
