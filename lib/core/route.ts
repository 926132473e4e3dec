import "server-only";
import { randomUUID } from "node:crypto";
import { NextResponse } from "next/server";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { getActor } from "@/lib/auth/current";
import { AppError, type FieldErrors, isAppError } from "./errors";
import { toAppError } from "./prisma-errors";

// Every mutation is a JSON route handler built here, so that bad input really is a 4xx with a
// French message (a server action can only answer 200 or 500), and every entry point runs the
// same steps: same-origin check, session → Actor from the database, zod parse, then the command.
// The command loads its target through lib/auth/scope.ts and writes its audit row itself.

const MAX_JSON_BYTES = 256 * 1024;

export type CommandContext<I> = { actor: Actor; input: I; requestId: string; params: Record<string, string> };
type RouteContext = { params: Promise<Record<string, string | string[]>> };

export type ErrorBody = { error: { code: string; message: string; fieldErrors?: FieldErrors; details?: unknown; eventId?: string } };

export function errorResponse(error: AppError): NextResponse<ErrorBody> {
  return NextResponse.json(
    { error: { code: error.code, message: error.message, fieldErrors: error.fieldErrors, details: error.details } },
    { status: error.status },
  );
}

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

/** Refuses cross-site writes: the browser sends Origin on every non-GET fetch. */
export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!origin || !host || new URL(origin).host !== host) {
    throw new AppError("FORBIDDEN", "Requête refusée : origine inconnue.");
  }
}

async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text.length > MAX_JSON_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", "La requête est trop volumineuse.");
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("BAD_INPUT", "Le contenu envoyé n'est pas du JSON valide.");
  }
}

export function handleUnexpected(error: unknown, requestId: string): NextResponse<ErrorBody> {
  if (isAppError(error)) return errorResponse(error);
  const mapped = toAppError(error);
  if (mapped) return errorResponse(mapped);
  console.error(`[socle] unexpected error, event ${requestId}`, error);
  return NextResponse.json(
    {
      error: {
        code: "INTERNAL",
        message: `Une erreur inattendue est survenue. Réessayez ; si elle persiste, citez la référence ${requestId}.`,
        eventId: requestId,
      },
    },
    { status: 500 },
  );
}

function flatParams(params: Record<string, string | string[]>): Record<string, string> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v.join("/") : v]));
}

/** A JSON command endpoint: POST/PUT/PATCH/DELETE with a body parsed by `schema`. */
export function command<S extends z.ZodType, R>(
  schema: S,
  run: (ctx: CommandContext<z.output<S>>) => Promise<R>,
  options: { successStatus?: number } = {},
) {
  return async (request: Request, context: RouteContext): Promise<NextResponse> => {
    const requestId = randomUUID();
    try {
      assertSameOrigin(request);
      const actor = await getActor();
      if (!actor) throw new AppError("UNAUTHENTICATED", "Votre session a expiré : reconnectez-vous.");
      const parsed = schema.safeParse(await readJson(request));
      if (!parsed.success) throw badInput(parsed.error);
      const params = flatParams(await context.params);
      const result = await run({ actor, input: parsed.data, requestId, params });
      return NextResponse.json(result ?? { ok: true }, { status: options.successStatus ?? 200 });
    } catch (error) {
      return handleUnexpected(error, requestId);
    }
  };
}
