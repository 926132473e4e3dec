"use client";

import { ErrorNotice } from "@/components/ui/error-notice";

export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorNotice error={error} reset={reset} />;
}
