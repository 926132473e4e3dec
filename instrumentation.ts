import type { Instrumentation } from "next";
import { requestErrorLog } from "@/lib/core/page-error";

// Every unexpected server error of a page, route or proxy is logged here with its digest: the
// event id app/error.tsx and app/global-error.tsx show to the user.
export const onRequestError: Instrumentation.onRequestError = (error, request, context) => {
  console.error(requestErrorLog(error, request, context));
};
