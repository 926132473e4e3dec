import { Options } from "@/components/ui/field";
import type { HistoryEntry } from "@/lib/scoring/queries";

type Props = Readonly<{ entries: HistoryEntry[]; from: string | null; to: string | null }>;

const optionLabel = (e: HistoryEntry) => `${e.campaign.name}${e.revision > 1 ? ` (révision ${e.revision})` : ""}`;

/** Pick two assessments; a plain GET form, so it works without JavaScript and the URL can be shared. */
export function CompareForm({ entries, from, to }: Props) {
  return (
    <form method="get" className="form-grid" aria-label="Comparer deux évaluations" style={{ alignItems: "end" }}>
      <div className="field">
        <label htmlFor="compare-from">Avant</label>
        <select id="compare-from" name="from" className="select" defaultValue={from ?? ""}>
          <Options options={entries.map((e) => ({ value: e.id, label: optionLabel(e) }))} />
        </select>
      </div>
      <div className="field">
        <label htmlFor="compare-to">Après</label>
        <select id="compare-to" name="to" className="select" defaultValue={to ?? ""}>
          <Options options={entries.map((e) => ({ value: e.id, label: optionLabel(e) }))} />
        </select>
      </div>
      <div className="form-actions" style={{ marginTop: 0 }}>
        <button type="submit" className="btn">
          Comparer
        </button>
      </div>
    </form>
  );
}
