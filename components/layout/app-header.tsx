import Link from "next/link";
import { signOut } from "@/lib/auth/config";
import type { MembershipView } from "@/lib/auth/describe";

type NavItem = { href: string; label: string };

type AppHeaderProps = Readonly<{ userName: string; memberships: MembershipView[]; nav: NavItem[] }>;

export function AppHeader({ userName, memberships, nav }: AppHeaderProps) {
  const primary = memberships[0];
  async function signOutAction() {
    "use server";
    await signOut({ redirectTo: "/login" });
  }
  return (
    <header className="header">
      <div className="header-inner">
        {/* The accessible name starts with the visible text (WCAG 2.5.3, label in name). */}
        <Link href="/" className="brand">
          <span className="brand-mark" aria-hidden="true">
            S
          </span>
          <span className="brand-name">
            Socle <span className="brand-tagline">Prérequis du numérique en santé</span>
            <span className="visually-hidden"> — accueil</span>
          </span>
        </Link>
        <nav className="header-nav" aria-label="Navigation principale">
          {nav.map((item) => (
            <Link key={item.href} href={item.href}>
              {item.label}
            </Link>
          ))}
        </nav>
        <div className="header-user">
          <div className="header-user-id" data-testid="header-user">
            <span className="header-user-name">{userName}</span>
            {primary ? (
              <span className="header-user-role">
                {primary.roleLabel} · {primary.scopeLabel}
                {memberships.length > 1 ? ` (+${memberships.length - 1})` : ""}
              </span>
            ) : (
              <span className="header-user-role">Aucun rôle attribué</span>
            )}
          </div>
          <form action={signOutAction}>
            <button className="btn btn-secondary btn-small" type="submit">
              Se déconnecter
            </button>
          </form>
        </div>
      </div>
    </header>
  );
}
