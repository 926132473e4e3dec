import type { TProvisional } from "@/lib/referentials/schemas";
import { PROVISIONAL_LABELS } from "./labels";

/**
 * What Socle proposes rather than a source states, with the reason: "Cible provisoire : …".
 * Shown wherever the target, the proofs or the blocking flag are shown, so none reads as official.
 */
export function ProvisionalNotes({ provisional }: Readonly<{ provisional: TProvisional | null | undefined }>) {
  if (!provisional) return null;
  const items = (Object.keys(PROVISIONAL_LABELS) as (keyof TProvisional)[]).filter((k) => provisional[k]);
  if (items.length === 0) return null;
  return (
    <ul className="small provisional-notes" style={{ margin: "0.25rem 0 0", paddingLeft: "1.1rem" }}>
      {items.map((k) => (
        <li key={k}>
          <strong>{PROVISIONAL_LABELS[k]} :</strong> {provisional[k]}
        </li>
      ))}
    </ul>
  );
}
