import "server-only";
import { randomUUID } from "node:crypto";
import { NextResponse } from "next/server";
import type { z } from "zod";
import { getRouteActor, getRouteUser, type SessionUser } from "@/lib/auth/current";
import { type CommandContext, errorResult, executeCommand } from "./command";
import { AppError } from "./errors";

// Every mutation is a JSON route handler built here, so that bad input really is a 4xx with a
// French message (a server action can only answer 200 or 500), and every entry point runs the
// same steps: same-origin check, session → Actor from the database, zod parse, then the command.
// The command loads its target through lib/auth/scope.ts and writes its audit row itself.

export { badInput, zodFieldErrors, type CommandContext, type ErrorBody } from "./command";

const MAX_JSON_BYTES = 256 * 1024;
type RouteContext = { params?: Promise<Record<string, string | string[]> | undefined> };

// Command answers are small, personal and never cached. `no-transform` also keeps the server's
// gzip stream off them: for a few hundred bytes it costs more than it saves.
const COMMAND_HEADERS = { "cache-control": "no-store, no-transform" };

export function errorResponse(error: unknown, requestId: string = randomUUID()): NextResponse {
  const { status, body } = errorResult(error, requestId);
  return NextResponse.json(body, { status, headers: COMMAND_HEADERS });
}

/** Refuses cross-site writes: the browser sends Origin on every non-GET fetch. */
export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  // "null" (an opaque origin: sandboxed frame, no-referrer page) is not a URL: refused, not a 500.
  if (!origin || !host || !URL.canParse(origin) || new URL(origin).host !== host) {
    throw new AppError("FORBIDDEN", "Requête refusée : origine inconnue.");
  }
}

/** The JSON body, refused with 413 past `maxBytes` (checked on the declared length before reading). */
export async function readJson(
  request: Request,
  maxBytes = MAX_JSON_BYTES,
  tooLarge = "La requête est trop volumineuse.",
): Promise<unknown> {
  if (Number(request.headers.get("content-length") ?? "0") > maxBytes)
    throw new AppError("PAYLOAD_TOO_LARGE", tooLarge);
  const text = await request.text();
  if (Buffer.byteLength(text, "utf8") > maxBytes) throw new AppError("PAYLOAD_TOO_LARGE", tooLarge);
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("BAD_INPUT", "Le contenu envoyé n'est pas du JSON valide.");
  }
}

// A route without dynamic segments gets no params at all (undefined), not an empty object.
export function flatParams(params: Record<string, string | string[]> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(params ?? {}).map(([k, v]) => [k, Array.isArray(v) ? v.join("/") : v]));
}

/**
 * The actor of a route request, or UNAUTHENTICATED. An account whose password an admin reset may
 * do nothing but choose a new one (`passwordChange`).
 */
export async function requireRouteActor(options: { passwordChange?: boolean } = {}) {
  const actor = await getRouteActor();
  if (!actor) throw new AppError("UNAUTHENTICATED", "Votre session a expiré : reconnectez-vous.");
  if (actor.mustChangePassword && !options.passwordChange) {
    throw new AppError("FORBIDDEN", "Choisissez d'abord un nouveau mot de passe (Mon compte → Mot de passe).");
  }
  return actor;
}

/** A JSON command endpoint: POST/PUT/PATCH/DELETE with a body parsed by `schema`. */
export function command<S extends z.ZodType, R>(
  schema: S,
  run: (ctx: CommandContext<z.output<S>>) => Promise<R>,
  options: { successStatus?: number; passwordChange?: boolean } = {},
) {
  return endpoint(() => requireRouteActor(options), schema, run, options);
}

/**
 * The same endpoint for a command that reads its user itself, in the statement that also reads
 * its target (autosave: lib/assessments/answer-context.ts). It receives only the session's user id
 * and version, and must refuse an unknown or disabled user and a revoked session.
 */
export function userCommand<S extends z.ZodType, R>(
  schema: S,
  run: (ctx: CommandContext<z.output<S>, SessionUser>) => Promise<R>,
  options: { successStatus?: number } = {},
) {
  return endpoint(requireRouteUser, schema, run, options);
}

/** The session's user id and version: the command must check both against the database. */
async function requireRouteUser(): Promise<SessionUser> {
  const user = await getRouteUser();
  if (!user) throw new AppError("UNAUTHENTICATED", "Votre session a expiré : reconnectez-vous.");
  return user;
}

function endpoint<S extends z.ZodType, R, A>(
  who: () => Promise<A>,
  schema: S,
  run: (ctx: CommandContext<z.output<S>, A>) => Promise<R>,
  options: { successStatus?: number },
) {
  return async (request: Request, context: RouteContext): Promise<NextResponse> => {
    const requestId = randomUUID();
    try {
      assertSameOrigin(request);
      const actor = await who();
      const body = await readJson(request);
      const params = flatParams(await context?.params);
      const result = await executeCommand(schema, run, { actor, body, params, requestId });
      return NextResponse.json(result.body, {
        status: result.status === 200 ? (options.successStatus ?? 200) : result.status,
        headers: COMMAND_HEADERS,
      });
    } catch (error) {
      return errorResponse(error, requestId);
    }
  };
}
