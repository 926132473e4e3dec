"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { FunctionSelect } from "@/components/admin/role-scope-fields";
import { useServerSubmit } from "@/components/admin/use-server-submit";
import { Field, TextInput } from "@/components/ui/field";
import { ServerForm } from "@/components/ui/server-form";
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
      <ServerForm
        label="Inviter un contributeur"
        onSubmit={handleSubmit(onSubmit)}
        alert={alert}
        submitLabel="Inviter ce contributeur"
        submitting={formState.isSubmitting}
        busyLabel="Invitation…"
      >
        <div className="form-grid">
          <Field id="email" label="Adresse électronique" error={err("email")}>
            <TextInput id="email" type="email" autoComplete="off" error={err("email")} registered={register("email")} />
          </Field>
          <Field id="name" label="Nom complet" error={err("name")}>
            <TextInput id="name" autoComplete="off" error={err("name")} registered={register("name")} />
          </Field>
        </div>
        <div className="form-grid">
          <FunctionSelect
            label="Rôle de contributeur"
            placeholder="Choisir…"
            functions={functions}
            error={err("function")}
            register={register("function")}
          />
          <Field id="title" label="Intitulé du poste" hint="facultatif" error={err("title")}>
            <TextInput id="title" autoComplete="off" error={err("title")} registered={register("title")} />
          </Field>
        </div>
      </ServerForm>
    </div>
  );
}
