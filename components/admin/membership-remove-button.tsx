"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { sendJson } from "@/lib/core/client-fetch";

type Props = Readonly<{ userId: string; membershipId: string; description: string }>;

/** Removes one role after confirmation; an error is announced next to the button. */
export function MembershipRemoveButton({ userId, membershipId, description }: Props) {
  const router = useRouter();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function remove() {
    if (!window.confirm(`Retirer le rôle « ${description} » ? La personne perd immédiatement cet accès.`)) return;
    setSaving(true);
    setError(null);
    const result = await sendJson(`/api/admin/users/${userId}/memberships/${membershipId}`, {}, "DELETE");
    setSaving(false);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    router.refresh();
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
