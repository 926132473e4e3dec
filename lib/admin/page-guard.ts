import "server-only";
import { notFound } from "next/navigation";
import type { Actor } from "@/lib/auth/actor";
import { requireActor } from "@/lib/auth/current";
import { can } from "@/lib/auth/scope";

/** For admin pages: the actor if they manage the platform; anyone else gets the 404 page. */
export async function requireAdmin(): Promise<Actor> {
  const actor = await requireActor();
  if (!can(actor, "platform.manage")) notFound();
  return actor;
}

/** A searchParams value as one trimmed string, or undefined. */
export function param(value: string | string[] | undefined): string | undefined {
  const one = Array.isArray(value) ? value[0] : value;
  return one?.trim() ? one.trim() : undefined;
}
