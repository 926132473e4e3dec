import type { AccountNotice } from "@/lib/auth/account-notices";

const when = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Paris" });

/** Changes made by someone else to this account since the previous sign-in. */
export function AccountNotices({ notices }: Readonly<{ notices: AccountNotice[] }>) {
  if (notices.length === 0) return null;
  return (
    <div className="alert alert-warning" role="status" data-testid="account-notices" style={{ marginBottom: "1.5rem" }}>
      <p style={{ margin: 0, fontWeight: 600 }}>Depuis votre dernière connexion, votre compte a changé :</p>
      <ul>
        {notices.map((n) => (
          <li key={`${n.at.toISOString()}-${n.text}`}>
            {n.text} <span className="muted small">({when.format(n.at)})</span>
          </li>
        ))}
      </ul>
      <p className="small" style={{ margin: 0 }}>
        Si vous n&apos;en êtes pas à l&apos;origine et que cela vous surprend, prévenez l&apos;administrateur de la
        plateforme.
      </p>
    </div>
  );
}
