import { type Crumb, HOME_CRUMB } from "@/components/ui/page-header";

// The admin's areas, shown on the home block and on the admin overview.
export const ADMIN_SECTIONS = [
  {
    href: "/admin/establishments",
    label: "Établissements",
    text: "Créer, modifier, désactiver ; FINESS, GHT, activité.",
  },
  { href: "/admin/ghts", label: "GHT", text: "Groupements et établissement support." },
  { href: "/admin/regions", label: "Régions", text: "Les 18 régions et leurs départements." },
  { href: "/admin/users", label: "Comptes", text: "Utilisateurs, rôles et rattachements." },
  {
    href: "/admin/referentials",
    label: "Référentiels",
    text: "Versions chargées, différences, chargement d'une nouvelle version.",
  },
  {
    href: "/admin/campaigns",
    label: "Campagnes",
    text: "Ouvrir une campagne : référentiel, année, dates, établissements.",
  },
  {
    href: "/admin/funding",
    label: "Financements",
    text: "Hypothèses de financement par campagne : enveloppes régionales ou montants par établissement.",
  },
] as const;

type AreaHref = (typeof ADMIN_SECTIONS)[number]["href"];
const ADMIN_CRUMB = { href: "/admin", label: "Administration" };

/** Accueil › Administration › the area: the breadcrumb of an admin area's list page. */
export function adminAreaCrumbs(area: AreaHref): Crumb[] {
  return [HOME_CRUMB, ADMIN_CRUMB, { label: areaOf(area).label }];
}

/** Administration › the area (linked) › the page: an item of an area, or its "Nouveau" page. */
export function adminItemCrumbs(area: AreaHref, current: string): Crumb[] {
  const { href, label } = areaOf(area);
  return [ADMIN_CRUMB, { href, label }, { label: current }];
}

function areaOf(href: AreaHref) {
  return ADMIN_SECTIONS.find((s) => s.href === href)!;
}
