import { usageFunding, type UsageDomainInput } from "@/lib/funding/compute";
import { formatRange } from "@/lib/funding/format";
import { FundingCard } from "./funding-card";
import type { FundingInputs } from "@/lib/funding/queries";

type Props = Readonly<{
  /** getFundingForAssessment(): null when no funding assumption applies. */
  funding: FundingInputs | null;
  /** Each usage domain applied for, with its own verdict (score.verdict.domains). */
  domains: readonly UsageDomainInput[];
}>;

const STATUS_WORDS: Record<UsageDomainInput["status"], { word: string; badge: string }> = {
  eligible: { word: "Éligible", badge: "badge-green" },
  reserved: { word: "Sous réserve", badge: "badge-orange" },
  not_eligible: { word: "Pas encore éligible", badge: "badge-red" },
};

/**
 * HOP'EN usage's funding slot: usage money is paid per domain, so each domain applied for shows its
 * own figure beside its verdict, then the total. Nothing when no assumption applies; a domain that
 * no assumption names says so rather than showing an invented amount.
 */
export function UsageFunding({ funding, domains }: Props) {
  if (!funding || domains.length === 0) return null;
  const result = usageFunding(funding, domains);
  if (!result) return null;
  const held = result.held.high > 0;
  return (
    <FundingCard
      id="usage-funding-title"
      testId="usage-funding"
      title="Financement en jeu par domaine d'usage"
      isExample={result.isExample}
    >
      <div className="table-wrap" style={{ marginTop: "0.75rem" }}>
        <table className="table">
          <caption className="visually-hidden">Financement en jeu pour chaque domaine d&apos;usage choisi</caption>
          <thead>
            <tr>
              <th scope="col">Domaine</th>
              <th scope="col">Verdict du domaine</th>
              <th scope="col">Ordre de grandeur</th>
            </tr>
          </thead>
          <tbody>
            {result.domains.map((d) => (
              <tr key={d.code} data-testid={`usage-funding-${d.code}`}>
                <th scope="row">
                  <strong>{d.code}</strong> — {d.title}
                </th>
                <td>
                  <span className={`badge ${STATUS_WORDS[d.status].badge}`}>{STATUS_WORDS[d.status].word}</span>
                </td>
                <td>
                  {d.amount ? (
                    <>
                      <strong>{formatRange(d.amount)}</strong> {d.status === "eligible" ? "en jeu" : "à débloquer"}
                      {d.isExample ? <span className="small muted"> (exemple)</span> : null}
                    </>
                  ) : (
                    <span className="muted">aucune hypothèse pour ce domaine</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total des domaines choisis</th>
              <td className="small">{held ? `dont ${formatRange(result.held)} à débloquer` : "rien n'est retenu"}</td>
              <td data-testid="usage-funding-total">
                <strong>{formatRange(result.total)}</strong>
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      <ul className="small" style={{ margin: "0.75rem 0 0" }}>
        {result.domains
          .filter((d) => d.assumption)
          .map((d) => (
            <li key={d.code}>
              <strong>Hypothèse{d.isExample ? " (exemple de démonstration)" : ""} :</strong> {d.assumption}
            </li>
          ))}
        {result.unassigned ? (
          <li>
            <strong>Montant sans domaine ({formatRange(result.unassigned.amount)}) :</strong>{" "}
            {result.unassigned.assumption} Le financement d&apos;usage est versé par domaine : ce montant n&apos;est pas
            réparti entre les domaines ni compté dans le total.
          </li>
        ) : null}
      </ul>
      <p className="small muted" style={{ margin: "0.75rem 0 0" }}>
        Chaque domaine est financé seul, quand son propre verdict est « éligible » (prérequis du socle compris). Ordre
        de grandeur (arrondi à deux chiffres significatifs, fourchette si l&apos;hypothèse en donne une), calculé sur la
        population que nomme l&apos;hypothèse et plafonné par le plafond qu&apos;elle indique : ce n&apos;est ni une
        promesse ni une notification de financement.
      </p>
    </FundingCard>
  );
}
