import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@/generated/prisma/client";
import { hashPassword } from "@/lib/auth/password-hash";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/core/errors";
import { z } from "zod";
import { ZNewPassword } from "@/lib/auth/password-rules";
import { grantsWhere, PLATFORM_ROLE } from "@/lib/auth/permissions";
import { ZEmail, ZName } from "@/lib/invitations/schemas";

// A real installation starts without any account: `npm run admin:create` makes the first platform
// admin. Demo accounts do not count (they sign in only in a demo). Once a real admin exists, accounts
// are made in the admin pages, by a signed-in admin, audited under their name.

export type FirstAdmin = { email: string; name: string; password?: string };

export const ZFirstAdmin = z.strictObject({ email: ZEmail, name: ZName, password: ZNewPassword });

/** 24 characters from 18 random bytes (144 bits): printed once, never stored in clear. */
export const generatePassword = () => randomBytes(18).toString("base64url");

export async function createFirstAdmin(
  db: PrismaClient,
  input: FirstAdmin,
): Promise<{ id: string; email: string; password: string; generated: boolean }> {
  const generated = !input.password;
  const password = input.password || generatePassword();
  const parsed = ZFirstAdmin.safeParse({ email: input.email, name: input.name, password });
  if (!parsed.success) {
    throw new AppError("BAD_INPUT", parsed.error.issues.map((i) => i.message).join(" "));
  }
  const passwordHash = await hashPassword(parsed.data.password);
  return db.$transaction(async (tx) => {
    const existing = await tx.membership.count({
      where: { ...grantsWhere("platform.manage"), user: { isDemo: false, disabled: false } },
    });
    if (existing > 0) {
      throw new AppError(
        "CONFLICT",
        "Un administrateur existe déjà : créez les autres comptes depuis la page Administration → Comptes.",
      );
    }
    if (await tx.user.findUnique({ where: { email: parsed.data.email }, select: { id: true } })) {
      throw new AppError("CONFLICT", "Un compte existe déjà avec cette adresse électronique.");
    }
    const user = await tx.user.create({
      data: {
        email: parsed.data.email,
        name: parsed.data.name,
        passwordHash,
        memberships: { create: { role: PLATFORM_ROLE } },
      },
      select: { id: true, email: true, name: true },
    });
    await recordAudit(tx, {
      actorId: null,
      action: "user.create_first_admin",
      entity: "User",
      entityId: user.id,
      after: { email: user.email, name: user.name, role: PLATFORM_ROLE, passwordGenerated: generated },
    });
    return { id: user.id, email: user.email, password, generated };
  });
}
