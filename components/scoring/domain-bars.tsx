import type { DomainScore } from "@/lib/scoring/types";

/** Score per domain as horizontal bars, the number written beside each bar (readable without colour). */
export function DomainBars({ domains, overall }: Readonly<{ domains: DomainScore[]; overall: number | null }>) {
  return (
    <section className="card" aria-labelledby="domains-title">
      <h2 id="domains-title">Score par domaine</h2>
      <p className="small" data-testid="score-note">
        <strong>Indicateur interne à Socle</strong>, pas un critère du programme : les pondérations sont propres à Socle
        et servent à prioriser. Le verdict ne dépend que des exigences bloquantes.
      </p>
      <p className="small muted">
        Pondéré par le poids de chaque exigence : remplie compte 1, partielle 0,5 ; « non applicable » sort du calcul.
        Score global : <strong data-testid="overall-score">{overall === null ? "—" : `${overall} %`}</strong>
      </p>
      <ul
        style={{ listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "0.75rem" }}
      >
        {domains.map((d) => (
          <li
            key={d.code}
            style={{
              display: "grid",
              gridTemplateColumns: "minmax(180px, 2fr) 3fr 4.5rem",
              gap: "0.75rem",
              alignItems: "center",
            }}
          >
            <span className="small">
              <strong>{d.code}</strong> — {d.title}
            </span>
            <div className="progress" aria-hidden="true" style={{ height: 14 }}>
              <span style={{ width: `${d.score ?? 0}%` }} />
            </div>
            <strong style={{ textAlign: "right", fontVariantNumeric: "tabular-nums" }}>
              {d.score === null ? (
                <span className="muted" title="Aucune exigence applicable">
                  —
                </span>
              ) : (
                `${d.score} %`
              )}
            </strong>
          </li>
        ))}
      </ul>
    </section>
  );
}
