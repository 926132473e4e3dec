import "server-only";
import { notFound } from "next/navigation";
import { isAppError } from "./errors";

/** For pages: a scoped load that misses becomes Next's 404 page (never a 403 that confirms the id exists). */
export async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "BAD_INPUT")) notFound();
    throw error;
  }
}
