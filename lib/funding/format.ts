// Euro amounts and shares in French, for every screen that shows money (client-safe).

const euros = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR", maximumFractionDigits: 0 });
const percent = new Intl.NumberFormat("fr-FR", { style: "percent", maximumFractionDigits: 1 });

/** 21000000 → "21 000 000 €". */
export function formatEuros(amount: number): string {
  return euros.format(amount);
}

/** 0.1056 → "10,6 %". */
export function formatShare(share: number): string {
  return percent.format(share);
}

const compact = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 });

/** An order of magnitude: 2200000 → "2,2 M€"; 350000 → "350 k€"; 800 → "800 €". */
export function formatMagnitude(amount: number): string {
  if (amount >= 1_000_000) return `${compact.format(amount / 1_000_000)}\u00a0M€`;
  if (amount >= 1_000) return `${compact.format(amount / 1_000)}\u00a0k€`;
  return formatEuros(amount);
}

/** "environ 350 k€", or "entre 150 k€ et 300 k€" for a range. */
export function formatRange(range: { low: number; high: number }): string {
  return range.low === range.high
    ? `environ ${formatMagnitude(range.high)}`
    : `entre ${formatMagnitude(range.low)} et ${formatMagnitude(range.high)}`;
}
