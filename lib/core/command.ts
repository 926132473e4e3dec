import { z } from "zod";
import { fr } from "zod/locales";
import type { Actor } from "@/lib/auth/actor";
import { AppError, type FieldErrors, isAppError } from "./errors";
import { toAppError } from "./prisma-errors";

// The command pipeline without HTTP: parse with the schema, run, map errors to a status and a
// French body. lib/core/http-command.ts wraps it for Next; the fuzz tests call it directly, so what they
// throw at it is exactly what the server runs.

export type CommandContext<I, A = Actor> = { actor: A; input: I; requestId: string; params: Record<string, string> };
export type ErrorBody = {
  error: { code: string; message: string; fieldErrors?: FieldErrors; details?: unknown; eventId?: string };
};
export type CommandResult = { status: number; body: unknown };

// zod's French wording for any issue a schema left without a message of its own (a body that is
// not an object, a number where a text was expected…). Schema messages still take precedence.
const FRENCH_DEFAULTS = fr().localeError;

export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

export function badInput(error: z.ZodError): AppError {
  return new AppError("BAD_INPUT", "Certaines valeurs sont invalides : corrigez les champs signalés.", {
    fieldErrors: zodFieldErrors(error),
  });
}

/** Expected errors keep their code and message; anything else is logged and becomes a generic 500. */
export function errorResult(error: unknown, requestId: string): { status: number; body: ErrorBody } {
  const known = isAppError(error) ? error : toAppError(error);
  if (known) {
    return {
      status: known.status,
      body: {
        error: { code: known.code, message: known.message, fieldErrors: known.fieldErrors, details: known.details },
      },
    };
  }
  console.error(`[socle] unexpected error, event ${requestId}`, error);
  return {
    status: 500,
    body: {
      error: {
        code: "INTERNAL",
        message: `Une erreur inattendue est survenue. Réessayez ; si elle persiste, citez la référence ${requestId}.`,
        eventId: requestId,
      },
    },
  };
}

/** PostgreSQL cannot store U+0000 in a text: refused for every command, before it becomes a 500. */
function hasNul(value: unknown): boolean {
  if (typeof value === "string") return value.includes("\0");
  if (Array.isArray(value)) return value.some(hasNul);
  if (value && typeof value === "object")
    return Object.entries(value).some(([key, v]) => key.includes("\0") || hasNul(v));
  return false;
}

export async function executeCommand<S extends z.ZodType, R, A = Actor>(
  schema: S,
  run: (ctx: CommandContext<z.output<S>, A>) => Promise<R>,
  ctx: { actor: A; body: unknown; params: Record<string, string>; requestId: string },
): Promise<CommandResult> {
  try {
    if (hasNul(ctx.body))
      throw new AppError("BAD_INPUT", "Le texte envoyé contient un caractère nul (U+0000) : retirez-le.");
    const parsed = schema.safeParse(ctx.body, { error: FRENCH_DEFAULTS });
    if (!parsed.success) throw badInput(parsed.error);
    const result = await run({ actor: ctx.actor, input: parsed.data, requestId: ctx.requestId, params: ctx.params });
    return { status: 200, body: result ?? { ok: true } };
  } catch (error) {
    return errorResult(error, ctx.requestId);
  }
}
