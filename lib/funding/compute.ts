// The funding an establishment's missing prerequisites hold back, computed from the assumptions an
// admin or a regional delegate entered. Pure. No applicable parameter → null, and then no figure
// is shown anywhere: the app never invents an amount.
//
// - The figure is an ORDER OF MAGNITUDE (two significant digits), with a range when the assumption
//   gives one (amountEuros … amountMaxEuros): an envelope divided out to the euro would claim a
//   precision no source gives.
// - An establishment-level parameter is used as is (it replaces the regional envelope).
// - A regional envelope is shared over the population the assumption names: in proportion to
//   activity over the total activity it states (`populationActivity`), else equally among the
//   number of eligible establishments it states (`eligibleCount`). Never over the establishments
//   enrolled in Socle's campaign (not the programme's population: that gave inflated figures).
//   An envelope that names no population gives no figure.
// - A per-establishment ceiling the assumption states caps each end of the range.
// - A programme-level amount (no domain) is all-or-nothing, as HOP'EN is: each missing blocking
//   prerequisite holds back the whole amount. A domain-level amount is held back by the missing
//   prerequisites of that domain. Programme and domain amounts add up.
// - For one scope and domain, the parameter set last wins.
// - HOP'EN usage (usageFunding): one figure per usage domain applied for, from that domain's own
//   assumption, held back until the domain's own verdict is "éligible"; the total adds them up.

export type FundingParameterData = {
  regionId: string | null;
  establishmentId: string | null;
  domainCode: string | null;
  amountEuros: number;
  amountMaxEuros?: number | null;
  eligibleCount?: number | null;
  populationActivity?: number | null;
  ceilingEuros?: number | null;
  assumption: string;
  isExample: boolean;
  setAt?: Date | string;
};

export type FundingAtStakeInput = {
  parameters: readonly FundingParameterData[];
  establishment: { id: string; regionId: string; annualActivity: number | null };
  blockingMissing: readonly { code: string; domain: string }[];
};

/** An amount as an order of magnitude: low = high when the assumption gives one figure. */
export type EuroRange = { low: number; high: number };

export type FundingAtStake = {
  amount: EuroRange;
  /** The parameters' own words, then how the figure was derived from them. */
  assumption: string;
  /** How missing prerequisites hold the amount back, in words. */
  rule: string;
  isExample: boolean;
  /** What each missing blocking prerequisite holds back. */
  perRequirement: Record<string, EuroRange>;
  basis: "establishment" | "region";
};

const number = new Intl.NumberFormat("fr-FR");
const time = (p: FundingParameterData) => (p.setAt ? new Date(p.setAt).getTime() : 0);

/** The last parameter set for each domain ("" for the whole programme). */
function latestByDomain(parameters: readonly FundingParameterData[]): Map<string, FundingParameterData> {
  const byDomain = new Map<string, FundingParameterData>();
  for (const p of [...parameters].sort((a, b) => time(a) - time(b))) byDomain.set(p.domainCode ?? "", p);
  return byDomain;
}

/** Two significant digits: 2 217 672 → 2 200 000; 348 000 → 350 000; 0 stays 0. */
export function orderOfMagnitude(amount: number): number {
  if (amount <= 0) return 0;
  const step = 10 ** Math.max(0, Math.floor(Math.log10(amount)) - 1);
  return Math.round(amount / step) * step;
}

type Share = { factor: number; words: string } | null;

/** The establishment's share of a regional envelope, over the population the assumption names. */
function shareOf(p: FundingParameterData, activity: number | null): Share {
  if (p.populationActivity && p.populationActivity > 0) {
    if (!activity || activity <= 0) return null; // no activity to share by: no figure
    const factor = Math.min(1, activity / p.populationActivity);
    return {
      factor,
      words: `au prorata de l'activité : ${number.format(activity)} sur ${number.format(p.populationActivity)} (population de l'hypothèse)`,
    };
  }
  if (p.eligibleCount && p.eligibleCount > 0)
    return {
      factor: 1 / p.eligibleCount,
      words: `partagée entre ${number.format(p.eligibleCount)} établissements éligibles (population de l'hypothèse)`,
    };
  return null;
}

function rangeOf(p: FundingParameterData, factor: number): EuroRange {
  const cap = (x: number) => (p.ceilingEuros != null ? Math.min(x, p.ceilingEuros) : x);
  const low = orderOfMagnitude(cap(p.amountEuros * factor));
  const high = orderOfMagnitude(cap(Math.max(p.amountEuros, p.amountMaxEuros ?? p.amountEuros) * factor));
  return { low, high };
}

const add = (a: EuroRange, b: EuroRange): EuroRange => ({ low: a.low + b.low, high: a.high + b.high });
const ZERO: EuroRange = { low: 0, high: 0 };

/** What the funding figures need: the assumptions and the establishment (no verdict). */
export type FundingFigureInput = Omit<FundingAtStakeInput, "blockingMissing">;

type Figure = { range: EuroRange; parameter: FundingParameterData; words: string[] };

/**
 * The figure of each applicable assumption, by domain code ("" for the whole programme), with its
 * words (the assumption, then how the figure was derived). Null when none applies, or when one is
 * an envelope that names no population (or the establishment has no activity to share it by).
 */
function figuresOf(input: FundingFigureInput): { basis: FundingAtStake["basis"]; figures: Map<string, Figure> } | null {
  const { establishment } = input;
  const own = input.parameters.filter((p) => p.establishmentId === establishment.id);
  const regional = input.parameters.filter((p) => !p.establishmentId && p.regionId === establishment.regionId);
  const basis = own.length ? "establishment" : "region";
  const chosen = latestByDomain(own.length ? own : regional);
  if (chosen.size === 0) return null;
  const figures = new Map<string, Figure>();
  for (const [code, p] of chosen) {
    const share = basis === "region" ? shareOf(p, establishment.annualActivity) : { factor: 1, words: "" };
    if (!share) return null; // an envelope that names no population (or no activity to share by): no figure
    const words = [code ? `Domaine ${code} : ${p.assumption.trim()}` : p.assumption.trim()];
    const how = [
      share.words ? `Part de l'enveloppe ${share.words}` : "",
      p.amountMaxEuros != null && p.amountMaxEuros > p.amountEuros ? "fourchette de l'hypothèse" : "",
      p.ceilingEuros != null ? `plafond par établissement ${number.format(p.ceilingEuros)} €` : "",
    ].filter(Boolean);
    if (how.length) words.push(`Calcul : ${how.join(" ; ")} ; arrondi à deux chiffres significatifs.`);
    figures.set(code, { range: rangeOf(p, share.factor), parameter: p, words });
  }
  return { basis, figures };
}

export function fundingAtStake(input: FundingAtStakeInput): FundingAtStake | null {
  const found = figuresOf(input);
  if (!found) return null;
  const { basis, figures } = found;
  const programme = figures.get("")?.range;
  const domains = new Map([...figures].filter(([code]) => code !== "").map(([code, f]) => [code, f.range]));
  const amount = [...figures.values()].map((f) => f.range).reduce(add, ZERO);
  const perRequirement: Record<string, EuroRange> = {};
  for (const r of input.blockingMissing) perRequirement[r.code] = add(programme ?? ZERO, domains.get(r.domain) ?? ZERO);

  const rules: string[] = [];
  if (programme)
    rules.push(
      "Tout ou rien : chaque prérequis bloquant manquant retient à lui seul la totalité du montant du programme.",
    );
  if (domains.size)
    rules.push("Un montant fixé pour un domaine est retenu par chaque prérequis bloquant manquant de ce domaine.");

  return {
    amount,
    assumption: [...figures.values()].flatMap((f) => f.words).join(" "),
    rule: rules.join(" "),
    isExample: [...figures.values()].some((f) => f.parameter.isExample),
    perRequirement,
    basis,
  };
}

// ─── HOP'EN usage: one figure per domain applied for ────────────────────────

/** A usage domain's verdict, as the scoring gives it (lib/scoring/types.ts DomainVerdict). */
export type UsageDomainInput = { code: string; title: string; status: "eligible" | "reserved" | "not_eligible" };

export type UsageDomainFunding = UsageDomainInput & {
  /** Null: no assumption names this domain (no figure is invented). */
  amount: EuroRange | null;
  /** The assumption's words and how the figure was derived; null with no amount. */
  assumption: string | null;
  isExample: boolean;
};

export type UsageFunding = {
  domains: UsageDomainFunding[];
  /** Sum over the domains applied for that have a figure. */
  total: EuroRange;
  /** Sum over those whose verdict is not (yet) "éligible": what the missing items hold back. */
  held: EuroRange;
  /** A programme-level amount (no domain): usage money is paid per domain, so it is not shared out. */
  unassigned: { amount: EuroRange; assumption: string } | null;
  isExample: boolean;
  basis: FundingAtStake["basis"];
};

/**
 * HOP'EN usage is paid per domain applied for: each domain's figure comes from the assumption set
 * for that domain (same order of magnitude, population and ceiling rules as above) and is held back
 * until that domain's own verdict is "éligible" (which waits on the socle). A domain no assumption
 * names has no figure. Null when no assumption applies at all.
 */
export function usageFunding(input: FundingFigureInput, domains: readonly UsageDomainInput[]): UsageFunding | null {
  const found = figuresOf(input);
  if (!found) return null;
  const { basis, figures } = found;
  const rows = domains.map((d): UsageDomainFunding => {
    const f = figures.get(d.code);
    return {
      code: d.code,
      title: d.title,
      status: d.status,
      amount: f?.range ?? null,
      assumption: f ? f.words.join(" ") : null,
      isExample: f?.parameter.isExample ?? false,
    };
  });
  const programme = figures.get("");
  const sum = (list: UsageDomainFunding[]) => list.map((d) => d.amount ?? ZERO).reduce(add, ZERO);
  return {
    domains: rows,
    total: sum(rows),
    held: sum(rows.filter((d) => d.status !== "eligible")),
    unassigned: programme ? { amount: programme.range, assumption: programme.words.join(" ") } : null,
    isExample: rows.some((d) => d.isExample) || Boolean(programme?.parameter.isExample),
    basis,
  };
}
