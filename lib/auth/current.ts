import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { db } from "@/lib/core/db";
import { type Actor, loadActor } from "./actor";
import { auth } from "./config";

/** The acting user for this request, or null. Cached per request (one query). */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  return userId ? loadActor(db, userId) : null;
});

/** For pages: the actor, or a redirect to the sign-in page. */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/login");
  return actor;
}
