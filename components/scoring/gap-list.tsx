import type { ReactNode } from "react";
import type { Gap } from "@/lib/scoring/types";
import { GapItem } from "./gap-item";

type Props = Readonly<{
  gaps: Gap[];
  base: string;
  /**
   * Slot for the action plan ("Créer une action"), filled per gap by another feature. Nothing is
   * rendered for a gap when it is absent or returns null.
   */
  actionSlot?: (gap: Gap) => ReactNode;
}>;

/** The gaps, already sorted by the scoring (blocking, weight, effort, code). */
export function GapList({ gaps, base, actionSlot }: Props) {
  const missing = gaps.filter((g) => g.kind === "missing").length;
  const toInvestigate = gaps.length - missing;
  return (
    <section id="action-plan" aria-labelledby="gaps-title" className="stack">
      <div>
        <h2 id="gaps-title" style={{ margin: 0 }}>
          Écarts à traiter
        </h2>
        <p className="small muted" style={{ margin: 0 }}>
          {gaps.length === 0
            ? "Aucun écart : toutes les exigences applicables sont remplies."
            : `${missing} manquant${missing > 1 ? "s" : ""}, ${toInvestigate} à instruire. Les exigences bloquantes d'abord, puis les plus lourdes, puis les moins coûteuses.`}
        </p>
      </div>
      {gaps.length > 0 ? (
        <ol className="stack" style={{ margin: 0, padding: 0 }}>
          {gaps.map((gap) => (
            <GapItem
              key={gap.code}
              gap={gap}
              href={`${base}/sections/${encodeURIComponent(gap.domain)}#${encodeURIComponent(gap.code)}`}
              actionSlot={actionSlot?.(gap)}
            />
          ))}
        </ol>
      ) : null}
    </section>
  );
}
