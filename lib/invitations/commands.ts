import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { INVITED_BY_DIRECTOR, ROLE_LABELS } from "@/lib/auth/permissions";
import { can, establishmentScope } from "@/lib/auth/scope";
import { hashPassword } from "@/lib/auth/sign-in";
import { recordAudit } from "@/lib/audit/record";
import { assertAdmin, fieldError, withUniqueField } from "@/lib/admin/guard";
import { resolveScope } from "@/lib/admin/membership-commands";
import type { Db, Tx } from "@/lib/core/db";
import { AppError, notFound } from "@/lib/core/errors";
import { type MailOutcome, mailInvitation, mailPasswordReset } from "./mail";
import { bumpSessionVersion } from "@/lib/auth/sessions";
import type { ContributorInvitation, InvitationAccept, InvitationCreate } from "./schemas";
import {
  hashInvitationToken,
  invitationExpiry,
  isInvitationTokenShape,
  newInvitationToken,
  PASSWORD_RESET_TTL_HOURS,
} from "./token";

const EMAIL_TAKEN = "Un compte existe déjà avec cette adresse électronique.";
export const LINK_UNUSABLE =
  "Ce lien d'invitation n'est plus valable : il a déjà servi, a expiré ou a été remplacé. " +
  "Demandez un nouveau lien à la personne qui vous a invité(e).";

/** What the sender sees once: the link itself is never stored and never shown again. */
export type InvitationIssued = {
  purpose?: LinkPurpose;
  userId: string;
  email: string;
  link: string;
  expiresAt: string;
  mail: MailOutcome;
};

type Membership = InvitationCreate["membership"];

/** What a link opens: activating a new account, or choosing a new password (sent by an admin). */
export type LinkPurpose = "invitation" | "password_reset";

/**
 * Creates the account (no password), its first role and a single-use link, in one transaction with
 * the audit rows; then mails the link when SMTP is configured. The account signs in only once the
 * person sets a password or links an SSO identity through that link.
 */
async function invite(
  db: Db,
  actor: Actor,
  person: { email: string; name: string; title?: string },
  membership: Membership,
  origin: string,
  requestId: string,
): Promise<InvitationIssued> {
  const token = newInvitationToken();
  const expiresAt = invitationExpiry();
  const run = db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: person.email }, select: { id: true } }))
      throw fieldError("email", EMAIL_TAKEN, "CONFLICT");
    const scope = await resolveScope(tx, membership);
    const user = await tx.user.create({
      data: { email: person.email, name: person.name, title: person.title || null },
      select: { id: true, email: true, name: true, title: true },
    });
    const role = await tx.membership.create({
      data: {
        userId: user.id,
        role: membership.role,
        function: "function" in membership ? membership.function : null,
        ...scope,
      },
      select: { id: true, role: true, function: true, establishmentId: true, ghtId: true, regionId: true },
    });
    const invitation = await createInvitation(tx, user.id, actor.id, expiresAt, token);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "invitation.create",
      entity: "User",
      entityId: user.id,
      establishmentId: role.establishmentId,
      before: null,
      after: { ...user, membership: role, invitationId: invitation.id, expiresAt },
      requestId,
    });
    return user;
  });
  const user = await withUniqueField(run, "email", EMAIL_TAKEN);
  return issued(actor, user, token, expiresAt, origin);
}

/**
 * A new link replaces the account's open ones (a renewed invitation, a password reset): the old
 * links are revoked, the new one opened and the change audited, in the caller's transaction.
 */
async function replaceOpenLinks(
  tx: Tx,
  actorId: string,
  userId: string,
  link: { token: string; expiresAt: Date; purpose?: LinkPurpose; action: string; requestId?: string },
) {
  const revoked = await tx.invitation.updateMany({
    where: { userId, acceptedAt: null, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  const invitation = await createInvitation(tx, userId, actorId, link.expiresAt, link.token, link.purpose);
  await recordAudit(tx, {
    actorId,
    action: link.action,
    entity: "User",
    entityId: userId,
    before: { openLinks: revoked.count },
    after: { invitationId: invitation.id, expiresAt: link.expiresAt },
    requestId: link.requestId,
  });
}

async function createInvitation(
  tx: Tx,
  userId: string,
  invitedById: string,
  expiresAt: Date,
  token: string,
  purpose: LinkPurpose = "invitation",
) {
  return tx.invitation.create({
    data: { userId, invitedById, expiresAt, tokenHash: hashInvitationToken(token), purpose },
    select: { id: true },
  });
}

async function issued(
  actor: Actor,
  user: { id: string; email: string; name: string },
  token: string,
  expiresAt: Date,
  origin: string,
): Promise<InvitationIssued> {
  const link = `${origin}/invitation/${token}`;
  const mail = await mailInvitation({ to: user.email, name: user.name, inviter: actor.name, link, expiresAt });
  return { userId: user.id, email: user.email, link, expiresAt: expiresAt.toISOString(), mail };
}

/** The platform admin invites anyone, with any role. */
export async function inviteByAdmin(
  db: Db,
  actor: Actor,
  input: InvitationCreate,
  origin: string,
  requestId: string,
): Promise<InvitationIssued> {
  assertAdmin(actor);
  const { membership, ...person } = input;
  return invite(db, actor, person, membership, origin, requestId);
}

/**
 * A director invites a contributor to their own establishment ("assessment.manage" is the
 * director's permission to hand out sections). Another establishment is a 404, as everywhere.
 */
export async function inviteContributor(
  db: Db,
  actor: Actor,
  establishmentId: string,
  input: ContributorInvitation,
  origin: string,
  requestId: string,
): Promise<InvitationIssued> {
  const establishment = await db.establishment.findFirst({
    where: { AND: [{ id: establishmentId, disabled: false }, establishmentScope(actor, "assessment.manage")] },
    select: { id: true },
  });
  if (!establishment || !can(actor, "establishment.invite", { establishmentId: establishment.id }))
    throw notFound("Cet établissement");
  const { function: fn, ...person } = input;
  return invite(
    db,
    actor,
    person,
    { role: INVITED_BY_DIRECTOR, function: fn, establishmentId: establishment.id },
    origin,
    requestId,
  );
}

/** A command that opens a link for an existing account and returns it to print (and mails it). */
type IssueLink = (db: Db, actor: Actor, userId: string, origin: string, requestId: string) => Promise<InvitationIssued>;

/**
 * A new link for an account that was never activated (no password, no SSO identity): the older
 * links stop working. An active account is refused: its owner already has a way in.
 */
export const reinvite: IssueLink = async (db, actor, userId, origin, requestId) => {
  assertAdmin(actor);
  const token = newInvitationToken();
  const expiresAt = invitationExpiry();
  const user = await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: {
        id: true,
        email: true,
        name: true,
        passwordHash: true,
        disabled: true,
        _count: { select: { ssoLinks: true } },
      },
    });
    if (!user) throw notFound("Ce compte");
    if (user.passwordHash || user._count.ssoLinks > 0)
      throw new AppError(
        "CONFLICT",
        "Ce compte est déjà activé : sa propriétaire ou son propriétaire a déjà un accès.",
      );
    if (user.disabled) throw new AppError("CONFLICT", "Ce compte est désactivé : réactivez-le avant de l'inviter.");
    await replaceOpenLinks(tx, actor.id, user.id, { token, expiresAt, action: "invitation.renew", requestId });
    return user;
  });
  return issued(actor, user, token, expiresAt, origin);
};

export type PendingInvitation = {
  id: string;
  purpose: LinkPurpose;
  userId: string;
  email: string;
  name: string;
  roles: string[];
  expiresAt: Date;
};

/** The invitation a token opens, if it still works (unused, not replaced, not expired, account enabled). */
export async function findUsableInvitation(db: Db | Tx, token: string): Promise<PendingInvitation | null> {
  if (!isInvitationTokenShape(token)) return null;
  const invitation = await db.invitation.findFirst({
    where: {
      tokenHash: hashInvitationToken(token),
      acceptedAt: null,
      revokedAt: null,
      expiresAt: { gt: new Date() },
      user: { disabled: false },
    },
    select: {
      id: true,
      purpose: true,
      expiresAt: true,
      user: { select: { id: true, email: true, name: true, memberships: { select: { role: true } } } },
    },
  });
  if (!invitation) return null;
  const { user } = invitation;
  return {
    id: invitation.id,
    purpose: invitation.purpose === "password_reset" ? "password_reset" : "invitation",
    userId: user.id,
    email: user.email,
    name: user.name,
    roles: [...new Set(user.memberships.map((m) => ROLE_LABELS[m.role]))],
    expiresAt: invitation.expiresAt,
  };
}

/**
 * Marks the invitation used, once: the conditional update is what makes a link single-use even
 * when two tabs submit at the same moment (the second updates no row and is refused).
 */
export async function consumeInvitation(tx: Tx, invitationId: string): Promise<void> {
  const used = await tx.invitation.updateMany({
    where: { id: invitationId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    data: { acceptedAt: new Date() },
  });
  if (used.count !== 1) throw new AppError("NOT_FOUND", LINK_UNUSABLE);
}

/**
 * The person chooses their password through the link: it is used up, the account can sign in. A
 * reset link also ends every open session of the account (whoever held the old password is out).
 */
export async function acceptWithPassword(db: Db, input: InvitationAccept, requestId: string) {
  const pending = await findUsableInvitation(db, input.token);
  if (!pending) throw new AppError("NOT_FOUND", LINK_UNUSABLE);
  const passwordHash = await hashPassword(input.password); // slow: outside the transaction
  const reset = pending.purpose === "password_reset";
  return db.$transaction(async (tx) => {
    await consumeInvitation(tx, pending.id);
    await tx.user.update({ where: { id: pending.userId }, data: { passwordHash, mustChangePassword: false } });
    const sessionVersion = reset ? await bumpSessionVersion(tx, pending.userId) : undefined;
    await recordAudit(tx, {
      actorId: pending.userId,
      action: reset ? "password_reset.accept" : "invitation.accept",
      entity: "User",
      entityId: pending.userId,
      before: null,
      after: { invitationId: pending.id, method: "password", ...(reset ? { sessionVersion } : {}) },
      requestId,
    });
    return { email: pending.email };
  });
}

/**
 * An admin sends a link to choose a new password (no admin ever types or sees one): single use,
 * PASSWORD_RESET_TTL_HOURS, printed for the admin and mailed when SMTP_URL is set. Older open links
 * of the account stop working. The current password keeps working until the new one is chosen.
 */
export const sendPasswordReset: IssueLink = async (db, actor, userId, origin, requestId) => {
  assertAdmin(actor);
  const token = newInvitationToken();
  const expiresAt = invitationExpiry(new Date(), PASSWORD_RESET_TTL_HOURS);
  const user = await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: { id: true, email: true, name: true, passwordHash: true, disabled: true },
    });
    if (!user) throw notFound("Ce compte");
    if (user.disabled) throw new AppError("CONFLICT", "Ce compte est désactivé : réactivez-le d'abord.");
    if (!user.passwordHash)
      throw new AppError(
        "CONFLICT",
        "Ce compte n'a pas de mot de passe : envoyez-lui plutôt un nouveau lien d'invitation (ou il se connecte par ProConnect / Pro Santé Connect).",
      );
    await replaceOpenLinks(tx, actor.id, user.id, {
      token,
      expiresAt,
      purpose: "password_reset",
      action: "password_reset.issue",
      requestId,
    });
    return user;
  });
  const link = `${origin}/invitation/${token}`;
  const mail = await mailPasswordReset({ to: user.email, name: user.name, sender: actor.name, link, expiresAt });
  return {
    purpose: "password_reset",
    userId: user.id,
    email: user.email,
    link,
    expiresAt: expiresAt.toISOString(),
    mail,
  };
};
