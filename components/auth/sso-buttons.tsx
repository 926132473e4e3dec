import { SSO_LABELS, type SsoProviderId } from "@/lib/auth/sso/identity";

const HINTS: Record<SsoProviderId, string> = {
  proconnect: "Identifiant des agents publics et des professionnels",
  psc: "Carte CPS ou e-CPS des professionnels de santé",
};

/**
 * One button per configured provider (none when no SSO variable is set). Each posts to
 * /api/sso/<id>/start, with the invitation being accepted when there is one.
 */
export function SsoButtons({
  providers,
  invitation,
  verb = "S'identifier avec",
}: Readonly<{ providers: SsoProviderId[]; invitation?: string; verb?: string }>) {
  if (providers.length === 0) return null;
  return (
    <div className="stack" style={{ gap: "0.75rem" }} data-testid="sso-buttons">
      {providers.map((id) => (
        <form key={id} method="post" action={`/api/sso/${id}/start`}>
          {invitation ? <input type="hidden" name="invitation" value={invitation} /> : null}
          <button className={`btn sso-button sso-${id}`} type="submit" style={{ width: "100%" }}>
            {verb} {SSO_LABELS[id]}
          </button>
          <p className="small muted" style={{ margin: "0.25rem 0 0" }}>
            {HINTS[id]}
          </p>
        </form>
      ))}
    </div>
  );
}
