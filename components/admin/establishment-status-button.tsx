"use client";

import { FormAlert } from "@/components/ui/form-alert";
import { useRefreshingSend } from "@/components/ui/use-refreshing-send";
import type { EstablishmentDisable } from "@/lib/admin/schemas";

type Props = Readonly<{ establishmentId: string; name: string; disabled: boolean }>;

/** Disable (after confirmation) or re-enable: a flag, the establishment and its history stay. */
export function EstablishmentStatusButton({ establishmentId, name, disabled }: Props) {
  const { saving, error, send } = useRefreshingSend();

  async function toggle() {
    if (
      !disabled &&
      !window.confirm(`Désactiver « ${name} » ? Ses membres n'y auront plus accès ; rien n'est supprimé.`)
    )
      return;
    const body: EstablishmentDisable = { disabled: !disabled };
    await send(`/api/admin/establishments/${establishmentId}`, body, "PATCH");
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
