import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { Db, Tx } from "@/lib/core/db";
import { findUsableInvitation } from "@/lib/invitations/commands";
import { type SsoIdentity, sirenOf } from "./identity";

// Never a role from a claim: an SSO sign-in only ever reaches an account an admin or a director
// invited. The first time, the account is found by its invitation link (when the person came
// through it) or by its lower-cased email, and must match the SIRET / FINESS the provider gives;
// the (provider, subject) pair is then recorded and every later sign-in matches on it alone.

export type SsoRefusal =
  | "unknown" // no invited account for this identity
  | "disabled"
  | "admin" // the platform admin signs in with a password and a second factor
  | "establishment" // the SIRET / FINESS given is not the account's establishment's
  | "email" // the provider's email is not the invited one
  | "already_linked"; // the account is linked to another identity of this provider

export type SsoOutcome = { ok: true; userId: string; linked: boolean } | { ok: false; reason: SsoRefusal };

type Candidate = {
  id: string;
  email: string;
  disabled: boolean;
  memberships: { role: string; establishment: { finess: string; siret: string | null } | null }[];
};

const candidateSelect = {
  id: true,
  email: true,
  disabled: true,
  memberships: { select: { role: true, establishment: { select: { finess: true, siret: true } } } },
  // "was invited": any invitation ever issued.
  _count: { select: { invitations: true } },
} as const;

/** The establishment rule: where the provider names an organisation, it must be the account's. */
export function establishmentMatches(identity: SsoIdentity, user: Pick<Candidate, "memberships">): boolean {
  const establishments = user.memberships.flatMap((m) => (m.establishment ? [m.establishment] : []));
  if (establishments.length === 0) return true; // delegates, ARS, GHT: no establishment to compare
  if (identity.siret) {
    const siren = sirenOf(identity.siret);
    if (!establishments.some((e) => e.siret && sirenOf(e.siret) === siren)) return false;
  }
  if (identity.finess.length > 0) {
    if (!establishments.some((e) => identity.finess.includes(e.finess))) return false;
  }
  return true;
}

export async function resolveSsoSignIn(
  db: Db,
  identity: SsoIdentity,
  options: { invitationToken?: string | null; requestId?: string | null } = {},
): Promise<SsoOutcome> {
  const outcome = await db.$transaction((tx) =>
    resolve(tx, identity, options.invitationToken ?? null, options.requestId ?? null),
  );
  if (!outcome.ok) {
    // Refusals are audited outside the refused transaction (nothing else was written).
    await db.$transaction((tx) =>
      recordAudit(tx, {
        actorId: null,
        action: "sso.refuse",
        entity: "SsoLink",
        entityId: `${identity.provider}:${identity.subject}`,
        after: {
          reason: outcome.reason,
          email: identity.email,
          siret: identity.siret,
          finess: identity.finess,
          acr: identity.acr,
        },
        requestId: options.requestId ?? null,
      }),
    );
  }
  return outcome;
}

async function resolve(
  tx: Tx,
  identity: SsoIdentity,
  invitationToken: string | null,
  requestId: string | null,
): Promise<SsoOutcome> {
  const now = new Date();
  const link = await tx.ssoLink.findUnique({
    where: { provider_subject: { provider: identity.provider, subject: identity.subject } },
    select: { id: true, user: { select: { id: true, disabled: true } } },
  });
  if (link) {
    if (link.user.disabled) return { ok: false, reason: "disabled" };
    await tx.ssoLink.update({ where: { id: link.id }, data: { lastAcr: identity.acr, lastSignInAt: now } });
    await recordAudit(tx, {
      actorId: link.user.id,
      action: "sso.sign_in",
      entity: "SsoLink",
      entityId: link.id,
      after: { provider: identity.provider, acr: identity.acr },
      requestId,
    });
    return { ok: true, userId: link.user.id, linked: false };
  }

  let user: (Candidate & { _count: { invitations: number } }) | null = null;
  let via: "invitation" | "email" = "email";
  const invitation = invitationToken ? await findUsableInvitation(tx, invitationToken) : null;
  if (invitation) {
    user = await tx.user.findUnique({ where: { id: invitation.userId }, select: candidateSelect });
    via = "invitation";
    if (user && identity.email && identity.email !== user.email) return { ok: false, reason: "email" };
  } else if (identity.email) {
    user = await tx.user.findUnique({ where: { email: identity.email }, select: candidateSelect });
  }
  if (!user || user._count.invitations === 0) return { ok: false, reason: "unknown" };
  if (user.disabled) return { ok: false, reason: "disabled" };
  if (user.memberships.some((m) => m.role === "admin")) return { ok: false, reason: "admin" };
  if (!establishmentMatches(identity, user)) return { ok: false, reason: "establishment" };
  if (await tx.ssoLink.findUnique({ where: { userId_provider: { userId: user.id, provider: identity.provider } } }))
    return { ok: false, reason: "already_linked" };

  const created = await tx.ssoLink.create({
    data: {
      provider: identity.provider,
      subject: identity.subject,
      userId: user.id,
      acr: identity.acr,
      lastAcr: identity.acr,
      lastSignInAt: now,
    },
    select: { id: true },
  });
  // The link activates the account: its open links stop working (the one it came through included).
  const used = await tx.invitation.updateMany({
    where: { userId: user.id, acceptedAt: null, revokedAt: null },
    data: { acceptedAt: now },
  });
  await recordAudit(tx, {
    actorId: user.id,
    action: "sso.link",
    entity: "SsoLink",
    entityId: created.id,
    before: null,
    after: {
      provider: identity.provider,
      subject: identity.subject,
      via,
      acr: identity.acr,
      siret: identity.siret,
      finess: identity.finess,
      nationalId: identity.nationalId,
      invitationsClosed: used.count,
    },
    requestId,
  });
  return { ok: true, userId: user.id, linked: true };
}
