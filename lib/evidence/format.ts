// Pure and client-safe: sizes and dates as French readers expect them ("1,5 Mo", "03/02/2026 14:05").

const format = (value: number, unit: "byte" | "kilobyte" | "megabyte" | "gigabyte", digits: number) =>
  new Intl.NumberFormat("fr-FR", { style: "unit", unit, unitDisplay: "short", maximumFractionDigits: digits }).format(
    value,
  );

/** "512 o", "12 ko", "1,5 Mo": binary multiples, as the 20 Mo limit is counted. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return format(bytes, "byte", 0);
  const kilobytes = bytes / 1024;
  if (Math.round(kilobytes) < 1024) return format(kilobytes, "kilobyte", 0);
  return format(kilobytes / 1024, "megabyte", 1);
}

/** Storage volumes: "1,5 Go" from a gibibyte up, else as formatFileSize. */
export function formatStorage(bytes: number): string {
  const gigabytes = bytes / 1024 ** 3;
  return gigabytes >= 1 ? format(gigabytes, "gigabyte", 1) : formatFileSize(bytes);
}

// A fixed time zone, so the server render and the browser agree.
const dateTime = new Intl.DateTimeFormat("fr-FR", { dateStyle: "short", timeStyle: "short", timeZone: "Europe/Paris" });

export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? "" : dateTime.format(date);
}
