"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { sendJson } from "@/lib/core/client-fetch";
import type { EstablishmentDisable } from "@/lib/admin/schemas";

type Props = Readonly<{ establishmentId: string; name: string; disabled: boolean }>;

/** Disable (after confirmation) or re-enable: a flag, the establishment and its history stay. */
export function EstablishmentStatusButton({ establishmentId, name, disabled }: Props) {
  const router = useRouter();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function toggle() {
    if (
      !disabled &&
      !window.confirm(`Désactiver « ${name} » ? Ses membres n'y auront plus accès ; rien n'est supprimé.`)
    )
      return;
    setSaving(true);
    setError(null);
    const body: EstablishmentDisable = { disabled: !disabled };
    const result = await sendJson(`/api/admin/establishments/${establishmentId}`, body, "PATCH");
    setSaving(false);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    router.refresh();
  }

  return (
    <div className="stack">
      <FormAlert message={error} />
      <div>
        <button
          type="button"
          className={disabled ? "btn btn-secondary" : "btn btn-danger"}
          onClick={toggle}
          disabled={saving}
        >
          {saving ? "Enregistrement…" : disabled ? "Réactiver l'établissement" : "Désactiver l'établissement"}
        </button>
      </div>
    </div>
  );
}
