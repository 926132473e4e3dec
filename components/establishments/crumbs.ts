import { type Crumb, HOME_CRUMB } from "@/components/ui/page-header";

/** Accueil › the establishment (linked) › the page: the breadcrumb of an establishment's own pages. */
export function establishmentCrumbs(establishment: { id: string; name: string }, current: string): Crumb[] {
  return [HOME_CRUMB, { href: `/establishments/${establishment.id}`, label: establishment.name }, { label: current }];
}
