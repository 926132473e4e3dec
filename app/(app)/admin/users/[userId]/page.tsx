import type { Metadata } from "next";
import { adminItemCrumbs } from "@/components/admin/sections";
import { PageHeader } from "@/components/ui/page-header";
import { roleLabel, roleScopeChoices, scopeLabel } from "@/components/admin/membership-label";
import { MembershipForm } from "@/components/admin/membership-form";
import { MembershipRemoveButton } from "@/components/admin/membership-remove-button";
import { ActiveBadge } from "@/components/admin/status-badge";
import { UserEditForm } from "@/components/admin/user-edit-form";
import { AccessStatusBadge } from "@/components/invitations/access-status";
import { PasswordResetButton } from "@/components/invitations/password-reset-button";
import { ReinviteButton } from "@/components/invitations/reinvite-button";
import { SecondFactorReset } from "@/components/admin/second-factor-reset";
import { SSO_LABELS, isSsoProvider } from "@/lib/auth/sso/identity";
import { getAccountAccess } from "@/lib/invitations/queries";
import { requireAdmin } from "@/lib/admin/page-guard";
import { membershipGrants } from "@/lib/auth/permissions";
import { getAdminOptions, getAdminUser } from "@/lib/admin/queries";
import { db } from "@/lib/core/db";
import { orNotFound } from "@/lib/core/or-not-found";
import { DataTable } from "@/components/ui/data-table";

export const metadata: Metadata = { title: "Compte · Administration" };

export default async function EditUserPage({ params }: Readonly<{ params: Promise<{ userId: string }> }>) {
  const { userId } = await params;
  const actor = await requireAdmin();
  const [user, options, access] = await Promise.all([
    orNotFound(getAdminUser(db, actor, userId)),
    getAdminOptions(db, actor),
    orNotFound(getAccountAccess(db, actor, userId)),
  ]);
  const isSelf = user.id === actor.id;
  const isAdminAccount = user.memberships.some((m) => membershipGrants(m, "platform.manage"));
  return (
    <div className="stack">
      <PageHeader
        crumbs={adminItemCrumbs("/admin/users", user.name)}
        title={user.name}
        badges={<ActiveBadge disabled={user.disabled} />}
      >
        <p>{user.email}</p>
      </PageHeader>
      <div className="card">
        <h2>Compte</h2>
        <UserEditForm
          userId={user.id}
          defaults={{ name: user.name, title: user.title, disabled: user.disabled }}
          isSelf={isSelf}
        />
      </div>
      <div className="card stack" data-testid="account-access">
        <div className="row">
          <h2 style={{ margin: 0 }}>Accès</h2>
          <AccessStatusBadge status={access.status} />
        </div>
        <ul style={{ margin: 0 }}>
          <li>{access.hasPassword ? "Mot de passe choisi par la personne" : "Aucun mot de passe"}</li>
          {access.ssoLinks.length === 0 ? <li>Aucune identité ProConnect ou Pro Santé Connect liée</li> : null}
          {access.ssoLinks.map((l) => (
            <li key={l.provider}>
              Identité {isSsoProvider(l.provider) ? SSO_LABELS[l.provider] : l.provider} liée le{" "}
              {l.createdAt.toLocaleDateString("fr-FR")}
              {l.lastAcr ? ` · dernier niveau d'authentification : ${l.lastAcr}` : ""}
            </li>
          ))}
        </ul>
        {access.status !== "active" ? <ReinviteButton userId={user.id} name={user.name} /> : null}
        {access.hasPassword && !user.disabled ? <PasswordResetButton userId={user.id} name={user.name} /> : null}
      </div>
      {isAdminAccount || access.totpEnabledAt ? (
        <div className="card stack" data-testid="second-factor">
          <h2 style={{ margin: 0 }}>Second facteur</h2>
          <p style={{ margin: 0 }}>
            {access.totpEnabledAt
              ? `Application d'authentification activée le ${access.totpEnabledAt.toLocaleDateString("fr-FR")} · ${access.recoveryCodesLeft} code${access.recoveryCodesLeft > 1 ? "s" : ""} de secours restant${access.recoveryCodesLeft > 1 ? "s" : ""}`
              : "Aucune application d'authentification : elle sera activée à la prochaine connexion (obligatoire pour l'administration)."}
          </p>
          <SecondFactorReset userId={user.id} name={user.name} isSelf={isSelf} enrolled={!!access.totpEnabledAt} />
        </div>
      ) : null}
      <div className="card stack">
        <h2 style={{ margin: 0 }}>Rôles et rattachements</h2>
        {user.memberships.length === 0 ? (
          <p className="muted" style={{ margin: 0 }}>
            Aucun rôle : ce compte ne voit rien tant qu&apos;un rôle ne lui est pas attribué.
          </p>
        ) : (
          <DataTable
            caption={<>Rôles de {user.name}</>}
            head={
              <>
                <th scope="col">Rôle</th>
                <th scope="col">Périmètre</th>
                <th scope="col">
                  <span className="visually-hidden">Action</span>
                </th>
              </>
            }
          >
            {user.memberships.map((m) => (
              <tr key={m.id}>
                <td>{roleLabel(m)}</td>
                <td>{scopeLabel(m)}</td>
                <td>
                  {isSelf && membershipGrants(m, "platform.manage") ? (
                    <span className="muted small">Votre rôle d&apos;administration</span>
                  ) : (
                    <MembershipRemoveButton
                      userId={user.id}
                      membershipId={m.id}
                      description={`${roleLabel(m)} · ${scopeLabel(m)}`}
                    />
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
        <h3 style={{ margin: 0 }}>Ajouter un rôle</h3>
        <MembershipForm userId={user.id} choices={roleScopeChoices(options)} />
      </div>
    </div>
  );
}
