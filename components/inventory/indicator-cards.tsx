import {
  displayPercent,
  formatCount,
  formatPercent,
  INDICATOR_KINDS,
  INDICATOR_TEXT,
  type IndicatorKind,
  type IndicatorResult,
} from "@/lib/inventory/indicators";

type Props = Readonly<{ indicators: Record<IndicatorKind, IndicatorResult> }>;

/** The "share of applications" indicators (with HOP'EN's QHN condition), each with its scope in words. Server-renderable. */
export function IndicatorCards({ indicators }: Props) {
  return (
    <section aria-labelledby="indicators-title" className="stack">
      <h2 id="indicators-title" style={{ margin: 0 }}>
        Indicateurs calculés
      </h2>
      <div className="grid" style={{ gridTemplateColumns: "repeat(auto-fill, minmax(280px, 1fr))" }}>
        {INDICATOR_KINDS.map((kind) => (
          <IndicatorCard key={kind} kind={kind} result={indicators[kind]} />
        ))}
      </div>
      <p className="muted small" style={{ margin: 0 }}>
        Chaque application compte une fois, quel que soit le nombre de domaines fonctionnels qu&apos;elle couvre. Le
        périmètre de chaque indicateur est une lecture provisoire du guide HOP&apos;EN, à confirmer par la délégation
        régionale.
      </p>
    </section>
  );
}

function IndicatorCard({ kind, result }: Readonly<{ kind: IndicatorKind; result: IndicatorResult }>) {
  const text = INDICATOR_TEXT[kind];
  const percent = formatPercent(result);
  const shown = displayPercent(result);
  const id = `indicator-${kind}`;
  return (
    <div className="card stack" style={{ gap: "0.5rem" }} aria-labelledby={id} role="group" data-testid={id}>
      <h3 id={id} style={{ margin: 0 }}>
        {text.title}
      </h3>
      {percent === null ? (
        <p className="stat" style={{ fontSize: "1.4rem", margin: 0 }}>
          Aucune application concernée
        </p>
      ) : (
        <p className="stat" style={{ margin: 0 }}>
          {formatCount(result)} — {percent}
        </p>
      )}
      {shown !== null ? (
        <div className="progress" aria-hidden="true">
          <span style={{ width: `${shown}%` }} />
        </div>
      ) : null}
      <p className="muted small" style={{ margin: 0 }}>
        Parmi les {text.scope} : celles {text.counts}.
        {percent === null ? " Renseignez l'inventaire pour que cet indicateur soit calculé." : null}
      </p>
    </div>
  );
}
