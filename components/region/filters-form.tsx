import Link from "next/link";
import type { CampaignComparison } from "@/lib/region/campaign-view";

const LABELS = {
  departement: "Département",
  ght: "GHT",
  category: "Catégorie",
  sizeBand: "Taille (activité)",
} as const;

/** A GET form: the filtered view has its own URL, works without JavaScript, and can be projected as is. */
export function FiltersForm({ view, basePath }: Readonly<{ view: CampaignComparison; basePath: string }>) {
  return (
    <form method="get" action={basePath} className="filters card" aria-label="Filtres">
      {view.dims.map((d) => (
        <div className="field" key={d}>
          <label htmlFor={`filter-${d}`}>{LABELS[d]}</label>
          <select id={`filter-${d}`} name={d} className="select" defaultValue={view.filter[d] ?? ""}>
            <option value="">Tous</option>
            {view.options[d].map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      ))}
      <div className="field">
        <span className="checkbox">
          <input
            type="checkbox"
            id="filter-evidence"
            name="evidenceOnly"
            value="1"
            defaultChecked={view.evidenceOnly}
          />
          <label htmlFor="filter-evidence">Réponses avec pièce seulement</label>
        </span>
      </div>
      <div className="filters-actions">
        <button type="submit" className="btn btn-small">
          Filtrer
        </button>
        <Link href={basePath} className="btn btn-secondary btn-small">
          Tout afficher
        </Link>
      </div>
    </form>
  );
}
