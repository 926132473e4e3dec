"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { type FieldError, useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { FormAlert } from "@/components/ui/form-alert";
import { ServerForm } from "@/components/ui/server-form";
import { ROLE_LABELS, ROLE_SCOPE } from "@/lib/auth/permissions";
import { MEMBERSHIP_DEFAULTS, ZMembershipInput } from "@/lib/auth/membership-input";
import { type RoleScopeChoices, RoleScopeFields } from "./role-scope-fields";
import { useServerSubmit } from "./use-server-submit";

type Values = z.input<typeof ZMembershipInput>;
type Props = Readonly<{ userId: string; choices: RoleScopeChoices }>;

const FIELDS = ["role", "function", "establishmentId", "ghtId", "regionId"] as const;

/**
 * Adds a role on a scope. The scope control follows the role (RoleScopeFields); hidden controls are
 * unregistered, so the payload carries only the one scope the role needs (what ZMembershipInput demands).
 */
export function MembershipForm({ userId, choices }: Props) {
  const router = useRouter();
  const [done, setDone] = useState<string | null>(null);
  const { register, handleSubmit, formState, setError, control, reset } = useForm<
    Values,
    unknown,
    z.output<typeof ZMembershipInput>
  >({
    resolver: zodResolver(ZMembershipInput),
    defaultValues: MEMBERSHIP_DEFAULTS,
    shouldUnregister: true,
  });
  const { alert, send } = useServerSubmit(setError, FIELDS);
  const role = useWatch({ control, name: "role" });
  const errors = formState.errors as Partial<Record<(typeof FIELDS)[number], FieldError>>;
  const err = (name: (typeof FIELDS)[number]) => errors[name]?.message;

  async function onSubmit(values: z.output<typeof ZMembershipInput>) {
    setDone(null);
    if (!(await send(`/api/admin/users/${userId}/memberships`, "POST", values))) return;
    setDone(`Rôle « ${ROLE_LABELS[values.role]} » ajouté.`);
    reset();
    router.refresh();
  }

  return (
    <ServerForm
      label="Ajouter un rôle"
      onSubmit={handleSubmit(onSubmit)}
      alert={alert}
      submitLabel="Ajouter ce rôle"
      submitting={formState.isSubmitting}
      busyLabel="Ajout…"
    >
      <FormAlert message={alert ? null : done} kind="success" />
      <RoleScopeFields role={role} choices={choices} register={register} error={err} functionLabel="Fonction" />
      {ROLE_SCOPE[role] === null ? (
        <p className="small muted" style={{ margin: 0 }}>
          L&apos;administration porte sur toute la plateforme : aucun périmètre à choisir.
        </p>
      ) : null}
    </ServerForm>
  );
}
