"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { type FieldError, useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { FormAlert } from "@/components/ui/form-alert";
import { ROLE_LABELS, ROLE_SCOPE, ROLES_WITH_FUNCTION } from "@/lib/auth/permissions";
import { MEMBERSHIP_DEFAULTS, ZMembershipInput } from "@/lib/auth/membership-input";
import { ScopeSelect } from "./scope-select";
import { useServerSubmit } from "./use-server-submit";

type Values = z.input<typeof ZMembershipInput>;
type Option = { id: string; name: string };
type Props = Readonly<{
  userId: string;
  establishments: Option[];
  ghts: Option[];
  regions: Option[];
  functions: { value: string; label: string }[];
}>;

const FIELDS = ["role", "function", "establishmentId", "ghtId", "regionId"] as const;

/**
 * Adds a role on a scope. The scope control follows the role; hidden controls are unregistered,
 * so the payload carries only the one scope the role needs (what ZMembershipInput demands).
 */
export function MembershipForm({ userId, establishments, ghts, regions, functions }: Props) {
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
    <form className="form" onSubmit={handleSubmit(onSubmit)} noValidate aria-label="Ajouter un rôle">
      <FormAlert message={alert?.message} errors={alert?.errors} />
      <FormAlert message={alert ? null : done} kind="success" />
      <div className="form-grid">
        <div className="field">
          <label htmlFor="role">Rôle</label>
          <select
            className="select"
            id="role"
            aria-invalid={err("role") ? true : undefined}
            aria-describedby={err("role") ? "role-error" : undefined}
            {...register("role")}
          >
            {Object.entries(ROLE_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
          {err("role") ? (
            <p className="field-error" id="role-error">
              {err("role")}
            </p>
          ) : null}
        </div>
        {ROLES_WITH_FUNCTION.includes(role) ? (
          <ScopeSelect
            id="function"
            label="Fonction"
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
      {ROLE_SCOPE[role] === null ? (
        <p className="small muted" style={{ margin: 0 }}>
          L&apos;administration porte sur toute la plateforme : aucun périmètre à choisir.
        </p>
      ) : null}
      <div className="form-actions">
        <button className="btn" type="submit" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? "Ajout…" : "Ajouter ce rôle"}
        </button>
      </div>
    </form>
  );
}
