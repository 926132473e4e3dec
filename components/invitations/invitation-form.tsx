"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { type FieldError, type Resolver, useForm, useWatch } from "react-hook-form";
import { type RoleScopeChoices, RoleScopeFields } from "@/components/admin/role-scope-fields";
import { useServerSubmit } from "@/components/admin/use-server-submit";
import { Field, TextInput } from "@/components/ui/field";
import { ServerForm } from "@/components/ui/server-form";
import type { Role } from "@/generated/prisma/enums";
import { MEMBERSHIP_DEFAULTS } from "@/lib/auth/membership-input";
import type { InvitationIssued } from "@/lib/invitations/commands";
import { type InvitationCreate, ZInvitationCreate } from "@/lib/invitations/schemas";
import { InvitationIssuedPanel } from "./invitation-issued";

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
export function InvitationForm({ choices }: Readonly<{ choices: RoleScopeChoices }>) {
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
      <ServerForm
        label="Inviter une personne"
        onSubmit={handleSubmit(onSubmit)}
        alert={alert}
        submitLabel="Inviter"
        submitting={formState.isSubmitting}
        busyLabel="Invitation…"
      >
        <Field id="email" label="Adresse électronique" hint="professionnelle, celle de ProConnect" error={err("email")}>
          <TextInput id="email" type="email" autoComplete="off" error={err("email")} registered={register("email")} />
        </Field>
        <div className="form-grid">
          <Field id="name" label="Nom complet" error={err("name")}>
            <TextInput id="name" autoComplete="off" error={err("name")} registered={register("name")} />
          </Field>
          <Field id="title" label="Fonction" hint="facultatif, figure sur l'attestation" error={err("title")}>
            <TextInput id="title" autoComplete="off" error={err("title")} registered={register("title")} />
          </Field>
        </div>
        <RoleScopeFields
          role={role}
          choices={choices}
          register={register}
          error={err}
          functionLabel="Fonction de contributeur"
        />
        <p className="small muted" style={{ margin: 0 }}>
          La personne reçoit un lien à usage unique, valable 72 heures, pour choisir son mot de passe ou lier son
          identité ProConnect ou Pro Santé Connect. Personne d&apos;autre ne connaît son mot de passe.
        </p>
      </ServerForm>
    </div>
  );
}
