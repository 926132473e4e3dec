import { formatShare } from "./format";

// The funding an establishment's missing prerequisites hold back, computed from the assumptions an
// admin or a regional delegate entered. Pure. No applicable parameter → null, and then no figure
// is shown anywhere: the app never invents an amount.
//
// - An establishment-level parameter is used as is (it replaces the regional envelope).
// - A regional envelope is shared in proportion to activity (how the ARS envelopes were built):
//   the establishment's annual activity over the region's total. Unknown activity → null.
// - A programme-level amount (no domain) is all-or-nothing, as HOP'EN is: each missing blocking
//   prerequisite holds back the whole amount. A domain-level amount is held back by the missing
//   prerequisites of that domain. Programme and domain amounts add up.
// - For one scope and domain, the parameter set last wins.

export type FundingParameterData = {
  regionId: string | null;
  establishmentId: string | null;
  domainCode: string | null;
  amountEuros: number;
  assumption: string;
  isExample: boolean;
  setAt?: Date | string;
};

export type FundingAtStakeInput = {
  parameters: readonly FundingParameterData[];
  establishment: { id: string; regionId: string; annualActivity: number | null };
  regionActivityTotal: number | null;
  blockingMissing: readonly { code: string; domain: string }[];
};

export type FundingAtStake = {
  amountEuros: number;
  /** The parameters' own words, then how the figure was derived from them. */
  assumption: string;
  /** How missing prerequisites hold the amount back, in words. */
  rule: string;
  isExample: boolean;
  /** What each missing blocking prerequisite holds back, in euros. */
  perRequirement: Record<string, number>;
  basis: "establishment" | "region";
  /** The establishment's share of the regional envelope, or null for an establishment-level amount. */
  share: number | null;
};

const number = new Intl.NumberFormat("fr-FR");
const time = (p: FundingParameterData) => (p.setAt ? new Date(p.setAt).getTime() : 0);

/** The last parameter set for each domain ("" for the whole programme). */
function latestByDomain(parameters: readonly FundingParameterData[]): Map<string, FundingParameterData> {
  const byDomain = new Map<string, FundingParameterData>();
  for (const p of [...parameters].sort((a, b) => time(a) - time(b))) byDomain.set(p.domainCode ?? "", p);
  return byDomain;
}

export function fundingAtStake(input: FundingAtStakeInput): FundingAtStake | null {
  const { establishment } = input;
  const own = input.parameters.filter((p) => p.establishmentId === establishment.id);
  const regional = input.parameters.filter((p) => !p.establishmentId && p.regionId === establishment.regionId);
  const basis = own.length ? "establishment" : "region";
  const chosen = latestByDomain(own.length ? own : regional);
  if (chosen.size === 0) return null;

  let share: number | null = null;
  if (basis === "region") {
    const activity = establishment.annualActivity ?? 0;
    const total = input.regionActivityTotal ?? 0;
    if (activity <= 0 || total <= 0) return null; // no activity to share by: no figure
    share = Math.min(1, activity / total);
  }
  const scaled = (amount: number) => Math.round(amount * (share ?? 1));

  const programme = chosen.get("");
  const domains = new Map(
    [...chosen].filter(([code]) => code !== "").map(([code, p]) => [code, scaled(p.amountEuros)]),
  );
  const programmeAmount = programme ? scaled(programme.amountEuros) : 0;
  const amountEuros = programmeAmount + [...domains.values()].reduce((sum, a) => sum + a, 0);

  const perRequirement: Record<string, number> = {};
  for (const r of input.blockingMissing)
    perRequirement[r.code] = (programme ? programmeAmount : 0) + (domains.get(r.domain) ?? 0);

  const words = [...chosen].map(([code, p]) =>
    code ? `Domaine ${code} : ${p.assumption.trim()}` : p.assumption.trim(),
  );
  if (share !== null) {
    words.push(
      `Estimation : part de l'enveloppe régionale au prorata de l'activité : ${formatShare(share)} ` +
        `(activité de l'établissement ${number.format(establishment.annualActivity ?? 0)}, activité de la région ${number.format(input.regionActivityTotal ?? 0)}).`,
    );
  }
  const rules: string[] = [];
  if (programme)
    rules.push(
      "Tout ou rien : chaque prérequis bloquant manquant retient à lui seul la totalité du montant du programme.",
    );
  if (domains.size)
    rules.push("Un montant fixé pour un domaine est retenu par chaque prérequis bloquant manquant de ce domaine.");

  return {
    amountEuros,
    assumption: words.join(" "),
    rule: rules.join(" "),
    isExample: [...chosen.values()].some((p) => p.isExample),
    perRequirement,
    basis,
    share,
  };
}
