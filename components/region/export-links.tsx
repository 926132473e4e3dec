// Downloads of the view as shown: the links carry the page's filters and sort, so the file holds
// exactly the rows and markers on screen (same actor, same access check, same small-group rules).

type Props = Readonly<{ apiBase: string; query: Record<string, string> }>;

export function ExportLinks({ apiBase, query }: Props) {
  const qs = new URLSearchParams(query).toString();
  const href = (file: string) => `${apiBase}/export/${file}${qs ? `?${qs}` : ""}`;
  return (
    <section aria-labelledby="exports-title" className="card" style={{ marginTop: "1.5rem" }}>
      <h2 id="exports-title">Exporter cette vue</h2>
      <p className="muted">
        Les fichiers reprennent les filtres appliqués et les mêmes règles de masquage que la page ; seul le détail des
        révisions soumises et partagées y figure.
      </p>
      <ul className="inline-list" style={{ display: "flex", gap: "0.75rem", flexWrap: "wrap", padding: 0 }}>
        <li style={{ listStyle: "none" }}>
          <a className="btn btn-secondary btn-small" href={href("comparaison.xlsx")} download>
            Classeur Excel (.xlsx)
          </a>
        </li>
        <li style={{ listStyle: "none" }}>
          <a className="btn btn-secondary btn-small" href={href("synthese.pdf")} download>
            Synthèse pour réunion (.pdf)
          </a>
        </li>
        <li style={{ listStyle: "none" }}>
          <a className="btn btn-secondary btn-small" href={href("membres.csv")} download>
            Membres (.csv)
          </a>
        </li>
        <li style={{ listStyle: "none" }}>
          <a className="btn btn-secondary btn-small" href={href("reponses.csv")} download>
            Réponses (.csv)
          </a>
        </li>
      </ul>
    </section>
  );
}
