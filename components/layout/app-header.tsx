import Link from "next/link";
import { redirect } from "next/navigation";
import { signOut } from "@/lib/auth/config";
import { providerLogoutUrl } from "@/lib/auth/sso/logout";
import type { MembershipView } from "@/lib/auth/describe";
import { HeaderNavLinks, type NavItem } from "./header-nav-links";

type AppHeaderProps = Readonly<{ userName: string; memberships: MembershipView[]; nav: NavItem[] }>;

export function AppHeader({ userName, memberships, nav }: AppHeaderProps) {
  const primary = memberships[0];
  async function signOutAction() {
    "use server";
    // An SSO session also ends at the provider (read before the cookie is cleared).
    const providerLogout = await providerLogoutUrl();
    await signOut({ redirect: false });
    redirect(providerLogout ?? "/login");
  }
  // Two rows, as the State's design system does: the brand and the account on top, the navigation
  // below across the full width. On one row, a long establishment name in the role line ran under
  // the navigation at 1280 px and pushed it off a phone's screen.
  return (
    <header className="header">
      <div className="header-inner">
        {/* The link's name is its visible text, then where it leads (WCAG 2.5.3, label in name). */}
        <Link href="/" className="brand">
          <span className="brand-mark" aria-hidden="true">
            S
          </span>
          <span className="brand-name">
            Socle <span className="brand-tagline">Prérequis du numérique en santé</span>
          </span>
          <span className="visually-hidden">, accueil</span>
        </Link>
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
          <div className="header-user-actions">
            <Link className="btn btn-secondary btn-small" href="/account/password">
              Mot de passe
            </Link>
            <form action={signOutAction}>
              <button className="btn btn-secondary btn-small" type="submit">
                Se déconnecter
              </button>
            </form>
          </div>
        </div>
      </div>
      <nav className="header-nav" aria-label="Navigation principale">
        <div className="header-nav-inner">
          <HeaderNavLinks items={nav} />
        </div>
      </nav>
    </header>
  );
}
