import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { installationSetup, type Setup } from "@/lib/auth/second-factor/challenge";
import { policyApplicable } from "@/lib/auth/second-factor/policy";
import type { SignInPolicyInput } from "@/lib/auth/second-factor/schemas";
import { can, establishmentScope } from "@/lib/auth/scope";
import { recordAudit } from "@/lib/audit/record";
import type { Db, Tx } from "@/lib/core/db";
import { AppError, notFound } from "@/lib/core/errors";

// How the accounts of an establishment sign in, chosen by its director: the password (or SSO), the
// password plus an e-mailed code, or SSO only. Applied at each password sign-in by
// lib/auth/second-factor/policy.ts (a person in several establishments gets the strictest).

async function findInScope(db: Db | Tx, actor: Actor, establishmentId: string) {
  const establishment = await db.establishment.findFirst({
    where: {
      AND: [{ id: establishmentId, disabled: false }, establishmentScope(actor, "establishment.sign_in_policy")],
    },
    select: { id: true, name: true, signInPolicy: true },
  });
  if (!establishment || !can(actor, "establishment.sign_in_policy", { establishmentId: establishment.id }))
    throw notFound("Cet établissement");
  return establishment;
}

/** The policy and what the installation can honour (the page explains a policy it cannot apply). */
export async function getSignInPolicy(
  db: Db,
  actor: Actor,
  establishmentId: string,
  setup: Setup = installationSetup(),
) {
  const establishment = await findInScope(db, actor, establishmentId);
  return { ...establishment, setup, applied: policyApplicable(establishment.signInPolicy, setup) };
}

/**
 * Changes the policy, audited. A policy the installation cannot apply is refused with the reason,
 * rather than stored to lock people out: the e-mailed code needs SMTP_URL, SSO only needs a provider.
 */
export async function setSignInPolicy(
  db: Db,
  actor: Actor,
  establishmentId: string,
  input: SignInPolicyInput,
  requestId: string,
  setup: Setup = installationSetup(),
) {
  if (input.policy === "password_email_code" && !setup.mailOn)
    throw new AppError(
      "CONFLICT",
      "Le code par courriel ne peut pas être activé : aucun serveur de courriel n'est configuré sur cette installation (SMTP_URL). Demandez-le à l'administrateur de la plateforme.",
    );
  if (input.policy === "sso_only" && !setup.ssoOn)
    throw new AppError(
      "CONFLICT",
      "La connexion par ProConnect ou Pro Santé Connect seule ne peut pas être activée : aucun de ces fournisseurs n'est configuré sur cette installation.",
    );
  return db.$transaction(async (tx) => {
    const before = await findInScope(tx, actor, establishmentId);
    const after = await tx.establishment.update({
      where: { id: before.id },
      data: { signInPolicy: input.policy },
      select: { id: true, signInPolicy: true },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "establishment.sign_in_policy",
      entity: "Establishment",
      entityId: before.id,
      establishmentId: before.id,
      before: { signInPolicy: before.signInPolicy },
      after: { signInPolicy: after.signInPolicy },
      requestId,
    });
    return after;
  });
}
