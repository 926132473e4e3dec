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
