import { fundingAtStake } from "@/lib/funding/compute";
import { formatRange } from "@/lib/funding/format";
import { FundingCard } from "./funding-card";
import type { FundingInputs } from "@/lib/funding/queries";

type Props = Readonly<{
  /** getFundingForAssessment(): null when no funding assumption applies. */
  funding: FundingInputs | null;
  /** The verdict's missing blocking prerequisites (score.verdict.blockingMissing). */
  blockingMissing: readonly { code: string; domain: string; label: string }[];
}>;

/**
 * The results page's funding slot: what the missing prerequisites hold back, with the assumption
 * in words. Renders nothing when no assumption applies: the app never shows an invented figure.
 */
export function FundingAtStake({ funding, blockingMissing }: Props) {
  if (!funding) return null;
  const result = fundingAtStake({ ...funding, blockingMissing });
  if (!result) return null;
  const held = blockingMissing.length > 0;
  return (
    <FundingCard id="funding-title" testId="funding-at-stake" title="Financement en jeu" isExample={result.isExample}>
      <p className="stat" style={{ margin: "0.75rem 0 0.25rem" }} data-testid="funding-amount">
        {formatRange(result.amount)} {held ? "à débloquer" : "en jeu"}
      </p>
      <p className="stat-label" style={{ marginTop: 0 }}>
        {held
          ? `Estimation : ce montant reste bloqué tant que ${blockingMissing.length === 1 ? "le prérequis ci-dessous manque" : `les ${blockingMissing.length} prérequis ci-dessous manquent`}.`
          : "Aucun prérequis bloquant ne manque : rien n'est retenu au titre des prérequis."}
      </p>
      <p style={{ margin: "0.75rem 0 0" }}>
        <strong>Hypothèse :</strong> {result.assumption}
      </p>
      {result.rule ? (
        <p className="small" style={{ margin: "0.5rem 0 0" }}>
          {result.rule}
        </p>
      ) : null}
      {held ? (
        <ul className="small" style={{ margin: "0.75rem 0 0" }} data-testid="funding-per-requirement">
          {blockingMissing.map((r) => (
            <li key={r.code}>
              <strong>{r.code}</strong> — {r.label} :{" "}
              {result.perRequirement[r.code]?.high
                ? `retient ${formatRange(result.perRequirement[r.code]!)}`
                : "aucun montant identifié pour ce domaine"}
            </li>
          ))}
        </ul>
      ) : null}
      <p className="small muted" style={{ margin: "0.75rem 0 0" }}>
        Ordre de grandeur (arrondi à deux chiffres significatifs, fourchette si l&apos;hypothèse en donne une), calculé
        sur la population que nomme l&apos;hypothèse et plafonné par le plafond qu&apos;elle indique : ce n&apos;est ni
        une promesse ni une notification de financement.
      </p>
    </FundingCard>
  );
}
