"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { sendJson } from "@/lib/core/client-fetch";

/**
 * A button's command: sends JSON, shows "saving" meanwhile, keeps the server's French message on
 * failure, and refreshes the page's server data on success. `send` says whether it succeeded.
 */
export function useRefreshingSend() {
  const router = useRouter();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function send(url: string, body: unknown, method: "POST" | "PUT" | "PATCH" | "DELETE"): Promise<boolean> {
    setSaving(true);
    setError(null);
    const result = await sendJson(url, body, method);
    setSaving(false);
    if (!result.ok) {
      setError(result.message);
      return false;
    }
    router.refresh();
    return true;
  }

  return { saving, error, send };
}
