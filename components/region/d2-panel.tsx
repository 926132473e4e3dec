import type { GhtCoverage } from "@/lib/region/ght-coverage";

const whole = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 });

/** CaRE D2: share of the GHT's combined activity held by members meeting the objective, against the rule. */
export function D2Panel({ d2, dominanceShare }: Readonly<{ d2: GhtCoverage; dominanceShare: number }>) {
  const min = `${whole.format(d2.minShare * 100)} %`;
  return (
    <section aria-labelledby="d2-title" className="card">
      <h2 id="d2-title">Couverture CaRE D2 du GHT (objectif : {min} de l&apos;activité combinée)</h2>
      {d2.shown ? (
        <>
          <div className="stat">
            {whole.format(d2.share * 100)} %{" "}
            <span className={`verdict ${d2.reached ? "verdict-ok" : "verdict-ko"}`}>
              <span aria-hidden="true">{d2.reached ? "✓ " : "✗ "}</span>
              {d2.reached ? `atteint (≥ ${min})` : `non atteint (< ${min})`}
            </span>
          </div>
          <p className="small muted">
            Part de l&apos;activité annuelle des membres qui atteignent l&apos;objectif sur leur version soumise.
            {d2.unknown > 0
              ? ` ${d2.unknown} membre(s) dont le détail n'est pas partagé ou pas soumis comptent comme « non connu » : le chiffre est un plancher.`
              : ""}
          </p>
        </>
      ) : (
        <p>
          <span className="suppressed">
            <span aria-hidden="true">▨ </span>
            {d2.reason === "dominance"
              ? `masqué : un membre porte plus de ${whole.format(dominanceShare * 100)} % de l'activité combinée et n'a pas partagé son détail ; le chiffre serait son propre résultat.`
              : "non calculable : aucune activité annuelle n'est renseignée pour les membres."}
          </span>
        </p>
      )}
      {d2.missingActivity.length > 0 ? (
        <p className="small">
          <strong>Donnée manquante</strong> (activité non renseignée, ni comptée ni comptée pour zéro) :{" "}
          {d2.missingActivity.join(", ")}.
        </p>
      ) : null}
    </section>
  );
}
