import type { Instrumentation } from "next";
import { requestErrorLog } from "@/lib/core/page-error";

/** Server start (Node runtime only): the background chores of this process. */
export async function register() {
  // Next's own markers (not configuration): the edge runtime and the build have no database to prune.
  // eslint-disable-next-line no-restricted-properties
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const [{ db }, { schedulePruning }] = await Promise.all([
    import("@/lib/core/db"),
    import("@/lib/auth/rate-limit-prune"),
  ]);
  schedulePruning(db);
}

// Every unexpected server error of a page, route or proxy is logged here with its digest: the
// event id app/error.tsx and app/global-error.tsx show to the user.
export const onRequestError: Instrumentation.onRequestError = (error, request, context) => {
  console.error(requestErrorLog(error, request, context));
};
