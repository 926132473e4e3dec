import type { ReactNode } from "react";

/** The card a funding figure sits in: its title, and the mark of an example assumption. */
export function FundingCard({
  id,
  testId,
  title,
  isExample,
  children,
}: Readonly<{ id: string; testId: string; title: ReactNode; isExample: boolean; children: ReactNode }>) {
  return (
    <section className="card" aria-labelledby={id} data-testid={testId}>
      <div className="row">
        <h2 id={id} style={{ margin: 0 }}>
          {title}
        </h2>
        {isExample ? (
          <span className="badge badge-orange" data-testid="funding-example">
            Exemple : hypothèse de démonstration
          </span>
        ) : null}
      </div>
      {children}
    </section>
  );
}
