"use client";

import { useRefreshingSend } from "@/components/ui/use-refreshing-send";

type Props = Readonly<{ userId: string; membershipId: string; description: string }>;

/** Removes one role after confirmation; an error is announced next to the button. */
export function MembershipRemoveButton({ userId, membershipId, description }: Props) {
  const { saving, error, send } = useRefreshingSend();

  async function remove() {
    if (!window.confirm(`Retirer le rôle « ${description} » ? La personne perd immédiatement cet accès.`)) return;
    await send(`/api/admin/users/${userId}/memberships/${membershipId}`, {}, "DELETE");
  }

  return (
    <span className="row" style={{ justifyContent: "flex-end" }}>
      {error ? (
        <span className="field-error" role="alert">
          {error}
        </span>
      ) : null}
      <button
        type="button"
        className="btn btn-danger btn-small"
        onClick={remove}
        disabled={saving}
        aria-label={`Retirer le rôle ${description}`}
      >
        {saving ? "Retrait…" : "Retirer"}
      </button>
    </span>
  );
}
