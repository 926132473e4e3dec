"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { ScopeSelect } from "@/components/admin/scope-select";
import { useServerSubmit } from "@/components/admin/use-server-submit";
import { controlA11y, Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import type { InvitationIssued } from "@/lib/invitations/commands";
import { ZContributorInvitation } from "@/lib/invitations/schemas";
import { InvitationIssuedPanel } from "./invitation-issued";

type Values = z.input<typeof ZContributorInvitation>;
const FIELDS = ["email", "name", "title", "function"] as const;

/** A director invites a contributor (DSI, RSSI, DPO…) to their establishment. */
export function ContributorInvitationForm({
  establishmentId,
  functions,
}: Readonly<{ establishmentId: string; functions: { value: string; label: string }[] }>) {
  const router = useRouter();
  const [issued, setIssued] = useState<{ issued: InvitationIssued; name: string } | null>(null);
  const { register, handleSubmit, formState, setError, reset } = useForm<
    Values,
    unknown,
    z.output<typeof ZContributorInvitation>
  >({
    resolver: zodResolver(ZContributorInvitation),
    defaultValues: { email: "", name: "", title: "" },
  });
  const { alert, send } = useServerSubmit(setError, FIELDS);
  const err = (name: (typeof FIELDS)[number]) => formState.errors[name]?.message;

  async function onSubmit(values: z.output<typeof ZContributorInvitation>) {
    const result = await send<InvitationIssued>(`/api/establishments/${establishmentId}/invitations`, "POST", values);
    if (!result) return;
    setIssued({ issued: result, name: values.name });
    reset();
    router.refresh();
  }

  return (
    <div className="stack">
      {issued ? <InvitationIssuedPanel issued={issued.issued} name={issued.name} /> : null}
      <form className="form" onSubmit={handleSubmit(onSubmit)} noValidate aria-label="Inviter un contributeur">
        <FormAlert message={alert?.message} errors={alert?.errors} />
        <div className="form-grid">
          <Field id="email" label="Adresse électronique" error={err("email")}>
            <input
              className="input"
              type="email"
              autoComplete="off"
              {...controlA11y("email", err("email"))}
              {...register("email")}
            />
          </Field>
          <Field id="name" label="Nom complet" error={err("name")}>
            <input className="input" autoComplete="off" {...controlA11y("name", err("name"))} {...register("name")} />
          </Field>
        </div>
        <div className="form-grid">
          <ScopeSelect
            id="function"
            label="Rôle de contributeur"
            placeholder="Choisir…"
            error={err("function")}
            register={register("function")}
            options={functions.map((f) => ({ id: f.value, name: f.label }))}
          />
          <Field id="title" label="Intitulé du poste" hint="facultatif" error={err("title")}>
            <input
              className="input"
              autoComplete="off"
              {...controlA11y("title", err("title"))}
              {...register("title")}
            />
          </Field>
        </div>
        <div className="form-actions">
          <button className="btn" type="submit" disabled={formState.isSubmitting}>
            {formState.isSubmitting ? "Invitation…" : "Inviter ce contributeur"}
          </button>
        </div>
      </form>
    </div>
  );
}
