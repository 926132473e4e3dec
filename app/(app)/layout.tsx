import Link from "next/link";
import { connection } from "next/server";
import { AppHeader } from "@/components/layout/app-header";
import { describeMemberships, type MembershipView } from "@/lib/auth/describe";
import { requireActor } from "@/lib/auth/current";
import { db } from "@/lib/core/db";
import { SiteFooter } from "@/components/layout/site-footer";

const NAV_LABELS: Record<MembershipView["role"], string> = {
  director: "Mon établissement",
  contributor: "Mon établissement",
  ght_coordinator: "Mon GHT",
  regional_delegate: "Ma région",
  ars_reviewer: "Ma région",
  admin: "Administration",
};

// The shell only: each page checks access to its own resource through lib/auth/scope.ts.
export default async function AppLayout({ children }: Readonly<{ children: React.ReactNode }>) {
  await connection();
  const actor = await requireActor();
  const memberships = await describeMemberships(db, actor);
  const nav = [{ href: "/", label: "Accueil" }];
  for (const m of memberships) {
    if (m.href && !nav.some((n) => n.href === m.href)) {
      nav.push({ href: m.href, label: NAV_LABELS[m.role] });
    }
  }
  return (
    <>
      <AppHeader userName={actor.name} memberships={memberships} nav={nav.slice(0, 5)} />
      <main className="main" id="contenu">
        {children}
      </main>
      <SiteFooter>
        <Link href="/verifier">Vérifier un dossier</Link>
      </SiteFooter>
    </>
  );
}
