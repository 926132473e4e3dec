"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { type FieldError, type Resolver, useForm, useWatch } from "react-hook-form";
import { ScopeSelect } from "@/components/admin/scope-select";
import { useServerSubmit } from "@/components/admin/use-server-submit";
import { controlA11y, Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import type { Role } from "@/generated/prisma/enums";
import { MEMBERSHIP_DEFAULTS } from "@/lib/auth/membership-input";
import { ROLE_LABELS, ROLE_SCOPE, ROLES_WITH_FUNCTION } from "@/lib/auth/permissions";
import type { InvitationIssued } from "@/lib/invitations/commands";
import { type InvitationCreate, ZInvitationCreate } from "@/lib/invitations/schemas";
import { InvitationIssuedPanel } from "./invitation-issued";

type Option = { id: string; name: string };
type Values = {
  email: string;
  name: string;
  title: string;
  role: string;
  function?: string;
  establishmentId?: string;
  ghtId?: string;
  regionId?: string;
};
const FIELDS = ["email", "name", "title", "role", "function", "establishmentId", "ghtId", "regionId"] as const;

/**
 * The admin invites a person with their first role. The scope control follows the role; hidden
 * controls are unregistered so the body carries only the scope the role needs.
 */
export function InvitationForm({
  establishments,
  ghts,
  regions,
  functions,
}: Readonly<{
  establishments: Option[];
  ghts: Option[];
  regions: Option[];
  functions: { value: string; label: string }[];
}>) {
  const [issued, setIssued] = useState<{ issued: InvitationIssued; name: string } | null>(null);
  const { register, handleSubmit, formState, setError, control, reset } = useForm<Values, unknown, InvitationCreate>({
    resolver: zodResolver(ZInvitationCreate) as unknown as Resolver<Values, unknown, InvitationCreate>,
    defaultValues: { email: "", name: "", title: "", ...MEMBERSHIP_DEFAULTS },
    shouldUnregister: true,
  });
  const { alert, send } = useServerSubmit(setError, FIELDS);
  const role = useWatch({ control, name: "role" }) as Role;
  const errors = formState.errors as Partial<Record<(typeof FIELDS)[number], FieldError>>;
  const err = (name: (typeof FIELDS)[number]) => errors[name]?.message;

  async function onSubmit(parsed: InvitationCreate) {
    const { membership, ...person } = parsed;
    const result = await send<InvitationIssued>("/api/admin/invitations", "POST", { ...person, ...membership });
    if (!result) return;
    setIssued({ issued: result, name: person.name });
    reset();
  }

  return (
    <div className="stack">
      {issued ? <InvitationIssuedPanel issued={issued.issued} name={issued.name} /> : null}
      <form className="form" onSubmit={handleSubmit(onSubmit)} noValidate aria-label="Inviter une personne">
        <FormAlert message={alert?.message} errors={alert?.errors} />
        <Field id="email" label="Adresse électronique" hint="professionnelle, celle de ProConnect" error={err("email")}>
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
            <input
              className="input"
              autoComplete="off"
              {...controlA11y("title", err("title"))}
              {...register("title")}
            />
          </Field>
        </div>
        <div className="form-grid">
          <Field id="role" label="Rôle" error={err("role")}>
            <select className="select" {...controlA11y("role", err("role"))} {...register("role")}>
              {Object.entries(ROLE_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </Field>
          {ROLES_WITH_FUNCTION.includes(role) ? (
            <ScopeSelect
              id="function"
              label="Fonction de contributeur"
              placeholder="Choisir la fonction…"
              error={err("function")}
              register={register("function")}
              options={functions.map((f) => ({ id: f.value, name: f.label }))}
            />
          ) : null}
          {ROLE_SCOPE[role] === "establishmentId" ? (
            <ScopeSelect
              id="establishmentId"
              label="Établissement"
              placeholder="Choisir l'établissement…"
              error={err("establishmentId")}
              register={register("establishmentId")}
              options={establishments}
            />
          ) : null}
          {ROLE_SCOPE[role] === "ghtId" ? (
            <ScopeSelect
              id="ghtId"
              label="GHT"
              placeholder="Choisir le GHT…"
              error={err("ghtId")}
              register={register("ghtId")}
              options={ghts}
            />
          ) : null}
          {ROLE_SCOPE[role] === "regionId" ? (
            <ScopeSelect
              id="regionId"
              label="Région"
              placeholder="Choisir la région…"
              error={err("regionId")}
              register={register("regionId")}
              options={regions}
            />
          ) : null}
        </div>
        <p className="small muted" style={{ margin: 0 }}>
          La personne reçoit un lien à usage unique, valable 72 heures, pour choisir son mot de passe ou lier son
          identité ProConnect ou Pro Santé Connect. Personne d&apos;autre ne connaît son mot de passe.
        </p>
        <div className="form-actions">
          <button className="btn" type="submit" disabled={formState.isSubmitting}>
            {formState.isSubmitting ? "Invitation…" : "Inviter"}
          </button>
        </div>
      </form>
    </div>
  );
}
