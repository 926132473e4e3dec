// Helpers for lib/admin's integration tests: the route's parse step, and a snapshot of every table
// an admin action touches, to prove a refused action changed nothing and wrote no audit event.
import { expect } from "vitest";
import type { z } from "zod";
import type { PrismaClient } from "@/generated/prisma/client";
import { type Actor, loadActor } from "@/lib/auth/actor";
import { AppError, type ErrorCode, type FieldErrors, isAppError } from "@/lib/core/errors";

/** What command() in lib/core/http-command.ts does before the action: a failed parse is a 400 with field messages. */
export async function viaRoute<S extends z.ZodType, R>(
  schema: S,
  raw: unknown,
  run: (input: z.output<S>) => Promise<R>,
): Promise<R> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: FieldErrors = {};
    for (const issue of parsed.error.issues) (fieldErrors[issue.path.join(".") || "_"] ??= []).push(issue.message);
    throw new AppError("BAD_INPUT", "Certaines valeurs sont invalides : corrigez les champs signalés.", {
      fieldErrors,
    });
  }
  return run(parsed.data);
}

export async function snapshot(db: PrismaClient) {
  const [establishments, ghts, regions, users, memberships, auditEvents] = await Promise.all([
    db.establishment.findMany({ orderBy: { id: "asc" } }),
    db.ght.findMany({ orderBy: { id: "asc" } }),
    db.region.findMany({ orderBy: { id: "asc" } }),
    db.user.findMany({ orderBy: { id: "asc" } }),
    db.membership.findMany({ orderBy: { id: "asc" } }),
    db.auditEvent.count(),
  ]);
  return { establishments, ghts, regions, users, memberships, auditEvents };
}

// Messages are French: accented letters or French words, never zod's English defaults.
const ENGLISH = /\b(Invalid|expected|Required|Unrecognized|Too (small|big))\b/;

/**
 * Runs `run`, expects an AppError with `code` whose message (or the message on `field`) matches
 * `message`, all messages French, and `snapshot()` unchanged: nothing was written.
 */
export async function expectRefusedWith(
  snapshot: () => Promise<unknown>,
  run: () => Promise<unknown>,
  code: ErrorCode,
  message: RegExp,
  field?: string,
): Promise<AppError> {
  const before = await snapshot();
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  expect(isAppError(error), `expected an AppError, got ${String(error)}`).toBe(true);
  const appError = error as AppError;
  expect(appError.code).toBe(code);
  const texts = field ? (appError.fieldErrors?.[field] ?? []) : [appError.message];
  expect(texts.join(" | ")).toMatch(message);
  for (const text of [appError.message, ...Object.values(appError.fieldErrors ?? {}).flat()])
    expect(text).not.toMatch(ENGLISH);
  expect(await snapshot()).toEqual(before);
  return appError;
}

/** The same for the admin tables: every table the same, no new audit event. */
export function expectRefused(
  db: PrismaClient,
  run: () => Promise<unknown>,
  code: ErrorCode,
  message: RegExp,
  field?: string,
): Promise<AppError> {
  return expectRefusedWith(() => snapshot(db), run, code, message, field);
}

export async function actorByEmail(db: PrismaClient, email: string): Promise<Actor> {
  const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  const actor = await loadActor(db, user.id);
  if (!actor) throw new Error(`no actor for ${email}`);
  return actor;
}

/** Runs a successful action and returns its result with the one audit event it wrote. */
export async function expectOneAudit<R>(db: PrismaClient, run: () => Promise<R>, action: string) {
  const last = await db.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
  const result = await run();
  const events = await db.auditEvent.findMany({ where: { id: { gt: last?.id ?? BigInt(0) } } });
  expect(events).toHaveLength(1);
  const event = events[0]!;
  expect(event.action).toBe(action);
  expect(JSON.stringify([event.before, event.after])).not.toMatch(/passwordHash|\$2[aby]\$/);
  return { result, event };
}
