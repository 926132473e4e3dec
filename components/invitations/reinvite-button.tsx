"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { sendJson } from "@/lib/core/client-fetch";
import type { InvitationIssued } from "@/lib/invitations/commands";
import { InvitationIssuedPanel } from "./invitation-issued";

/** A fresh link for an account never activated; the older links stop working. */
export function ReinviteButton({ userId, name }: Readonly<{ userId: string; name: string }>) {
  const router = useRouter();
  const [state, setState] = useState<{ busy: boolean; issued?: InvitationIssued; error?: string }>({ busy: false });
  async function reinvite() {
    setState({ busy: true });
    const result = await sendJson<InvitationIssued>(`/api/admin/users/${userId}/invitation`, {}, "POST");
    setState(result.ok ? { busy: false, issued: result.data } : { busy: false, error: result.message });
    if (result.ok) router.refresh();
  }
  return (
    <div className="stack">
      <FormAlert message={state.error} />
      {state.issued ? <InvitationIssuedPanel issued={state.issued} name={name} /> : null}
      <div>
        <button type="button" className="btn btn-secondary" onClick={reinvite} disabled={state.busy}>
          {state.busy ? "Création du lien…" : "Créer un nouveau lien d'invitation"}
        </button>
      </div>
    </div>
  );
}
