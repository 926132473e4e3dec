"use client";

import { useState } from "react";
import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import { sendJson } from "@/lib/core/client-fetch";

export type ServerAlert = { message: string; errors: string[] } | null;

/**
 * Sends a form's values to a JSON command route. On failure, the server's field messages land under
 * their controls (setError, first one focused); the rest go to the form's alert with the summary.
 */
export function useServerSubmit<T extends FieldValues>(setError: UseFormSetError<T>, fields: readonly Path<T>[]) {
  const [alert, setAlert] = useState<ServerAlert>(null);

  async function send<R = { id: string }>(
    url: string,
    method: "POST" | "PUT" | "PATCH" | "DELETE",
    body: unknown,
  ): Promise<R | null> {
    setAlert(null);
    const result = await sendJson<R>(url, body, method);
    if (result.ok) return result.data;
    const leftover: string[] = [];
    let focused = false;
    for (const [key, messages] of Object.entries(result.fieldErrors ?? {})) {
      const field = fields.find((f) => f === key.split(".")[0]); // "domains.0" lands under "domains"
      if (field && messages[0]) {
        setError(field, { type: "server", message: messages[0] }, { shouldFocus: !focused });
        focused = true;
      } else {
        leftover.push(...messages.filter((m) => m !== result.message));
      }
    }
    setAlert({ message: result.message, errors: leftover });
    return null;
  }

  return { alert, send };
}
