// Pure French formatting for the dossier: numbers, euros and dates through Intl fr-FR, and the
// narrow no-break space (U+202F) French typography puts before « : ; ! ? » and inside guillemets.
// The PDF font (DejaVu Sans) has the glyph; the built-in Helvetica would draw it as "/".

import { formatFileSize } from "@/lib/evidence/format";
import type { DossierAction, DossierGap, DossierStatus } from "./types";

export const NNBSP = "\u202f";
const PARIS = "Europe/Paris";

/**
 * French spacing of high punctuation: "Cible: 80 %" → "Cible : 80 %" with a narrow no-break
 * space, whatever space (or none) was typed. Leaves times ("10:00"), URLs ("https://") and
 * ratios alone: only punctuation followed by a space or the end of the text is touched.
 */
export function frTypo(text: string): string {
  return text
    .replace(/(?<=[^\s:;!?«])[ \u00a0\u202f]?([:;!?])(?=\s|$)/g, `${NNBSP}$1`)
    .replace(/«[ \u00a0\u202f]?/g, `«${NNBSP}`)
    .replace(/[ \u00a0\u202f]?»/g, `${NNBSP}»`);
}

/** "Libellé :" with the narrow no-break space. */
export const label = (text: string) => `${text}${NNBSP}:`;

const integer = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 });
const percent = new Intl.NumberFormat("fr-FR", { style: "percent", maximumFractionDigits: 0 });
const euros = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR", maximumFractionDigits: 0 });

export const formatInteger = (n: number) => integer.format(n);
/** 0–100 → "87 %"; null → "—". */
export const formatScore = (score: number | null) => (score === null ? "—" : percent.format(score / 100));
export const formatEuros = (amount: number) => euros.format(amount);
export { formatFileSize };

const longDate = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: PARIS });
const longDateUtc = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "UTC" });
const shortDate = new Intl.DateTimeFormat("fr-FR", { dateStyle: "short", timeZone: PARIS });
const time = new Intl.DateTimeFormat("fr-FR", { hour: "2-digit", minute: "2-digit", timeZone: PARIS });

function parse(iso: string): Date | null {
  // A bare calendar date ("2026-06-30", the attestation's) is a day, not an instant.
  const d = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T12:00:00Z`) : new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** French writes the first of the month as an ordinal: "1er juillet". */
const firstOfMonth = (text: string) => text.replace(/^1[ \u00a0]/, "1er ");

/** "30 juin 2026", "1er juillet 2026" (Paris time for instants, the day itself for a calendar date). */
export function formatDate(iso: string | null): string {
  if (!iso) return "—";
  const d = parse(iso);
  if (!d) return "—";
  return firstOfMonth((/^\d{4}-\d{2}-\d{2}$/.test(iso) ? longDateUtc : longDate).format(d));
}

/** "30/06/2026". */
export function formatShortDate(iso: string | null): string {
  const d = iso ? parse(iso) : null;
  return d ? shortDate.format(d) : "—";
}

/** "30 juin 2026 à 12:05". */
export function formatDateTime(iso: string | null): string {
  const d = iso ? parse(iso) : null;
  return d ? `${firstOfMonth(longDate.format(d))} à ${time.format(d)}` : "—";
}

export const STATUS_LABELS: Record<DossierStatus, string> = {
  met: "Atteint",
  partial: "Partiel",
  not_met: "Non atteint",
  unknown: "Inconnu",
  not_applicable: "Sans objet",
};

export const STATUS_ORDER: DossierStatus[] = ["met", "partial", "not_met", "unknown", "not_applicable"];

export const GAP_KIND_LABELS: Record<DossierGap["kind"], string> = {
  missing: "Manquant",
  to_investigate: "À instruire",
};
export const EFFORT_LABELS: Record<NonNullable<DossierGap["effort"]>, string> = {
  low: "Faible",
  medium: "Moyen",
  high: "Élevé",
};
export const ACTION_STATUS_LABELS: Record<DossierAction["status"], string> = {
  todo: "À faire",
  in_progress: "En cours",
  done: "Fait",
  abandoned: "Abandonnée",
};
export const CONFIDENCE_LABELS = {
  H: "établie par une source",
  M: "plusieurs sources concordent",
  L: "reconstituée, à confirmer",
} as const;

const MIME_LABELS: Record<string, string> = {
  "application/pdf": "PDF",
  "image/png": "Image PNG",
  "image/jpeg": "Image JPEG",
  "image/webp": "Image WebP",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "Excel",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": "PowerPoint",
  "application/vnd.oasis.opendocument.text": "Texte ODF",
  "application/vnd.oasis.opendocument.spreadsheet": "Tableur ODF",
  "application/vnd.oasis.opendocument.presentation": "Présentation ODF",
  "application/msword": "Word 97-2003",
  "application/vnd.ms-excel": "Excel 97-2003",
  "text/plain": "Texte",
  "text/csv": "CSV",
};

export function mimeLabel(mime: string): string {
  return MIME_LABELS[mime.split(";")[0]!.trim()] ?? mime;
}

export const PROGRAMME_LABELS: Record<string, string> = { HOPEN: "HOP'EN", HOSPICONNECT: "HospiConnect", CARE: "CaRE" };

/** "ch-de-cornouaille-2026": ASCII, lower case, for file names. */
export function slugify(text: string): string {
  return (
    text
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60)
      .replace(/-+$/, "") || "dossier"
  );
}
