"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { sendJson } from "@/lib/core/client-fetch";

type Props = Readonly<{
  url: string;
  body?: unknown;
  method?: "POST" | "PUT";
  label: string;
  busyLabel?: string;
  confirm?: string;
  className?: string;
  /** Where to go on success; `{id}` is replaced by the id the server returns. */
  redirectTo?: string;
}>;

/** A button that runs one JSON command, shows its French error, then refreshes or navigates. */
export function CommandButton({
  url,
  body = {},
  method = "POST",
  label,
  busyLabel,
  confirm,
  className = "btn",
  redirectTo,
}: Props) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run() {
    if (confirm && !window.confirm(confirm)) return;
    setBusy(true);
    setError(null);
    const result = await sendJson<{ id?: string }>(url, body, method);
    setBusy(false);
    if (!result.ok) return setError(result.message);
    router.refresh(); // invalidates the router cache first, so a pushed page is fetched fresh
    if (redirectTo) router.push(redirectTo.replace("{id}", result.data.id ?? ""));
  }

  return (
    <span className="command">
      <button type="button" className={className} onClick={run} disabled={busy}>
        {busy ? (busyLabel ?? "Patientez…") : label}
      </button>
      {error ? (
        <span role="alert" className="field-error" style={{ marginLeft: 8 }}>
          {error}
        </span>
      ) : null}
    </span>
  );
}
