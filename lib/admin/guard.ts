import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/scope";
import { fieldError, notFound } from "@/lib/core/errors";
import { toAppError } from "@/lib/core/prisma-errors";

export { fieldError };

/** The admin area does not reveal itself: a non-admin gets the same "not found" as a wrong id. */
export function assertAdmin(actor: Actor): void {
  if (!can(actor, "platform.manage")) throw notFound("Cette page");
}

/**
 * Runs an action; a unique-key race the pre-checks could not see (two admins at once) becomes the
 * same CONFLICT, on `field`, as the pre-check would have answered.
 */
export async function withUniqueField<T>(run: Promise<T>, field: string, message: string): Promise<T> {
  try {
    return await run;
  } catch (error) {
    const mapped = toAppError(error);
    if (mapped?.code === "CONFLICT") throw fieldError(field, message, "CONFLICT");
    throw error;
  }
}
