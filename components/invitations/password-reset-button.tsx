"use client";

import { useState } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { sendJson } from "@/lib/core/client-fetch";
import type { InvitationIssued } from "@/lib/invitations/commands";
import { InvitationIssuedPanel } from "./invitation-issued";

/** A single-use link for the person to choose a new password: no admin ever types or sees one. */
export function PasswordResetButton({ userId, name }: Readonly<{ userId: string; name: string }>) {
  const [state, setState] = useState<{ busy: boolean; issued?: InvitationIssued; error?: string }>({ busy: false });
  async function send() {
    setState({ busy: true });
    const result = await sendJson<InvitationIssued>(`/api/admin/users/${userId}/password-reset`, {}, "POST");
    setState(result.ok ? { busy: false, issued: result.data } : { busy: false, error: result.message });
  }
  return (
    <div className="stack">
      <FormAlert message={state.error} />
      {state.issued ? <InvitationIssuedPanel issued={state.issued} name={name} /> : null}
      <div>
        <button type="button" className="btn btn-secondary" onClick={send} disabled={state.busy}>
          {state.busy ? "Création du lien…" : "Envoyer un lien de réinitialisation du mot de passe"}
        </button>
      </div>
    </div>
  );
}
