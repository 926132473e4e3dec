// Client side of lib/core/http-command.ts: sends JSON, returns the data or the French error it carries.
import type { FieldErrors } from "./errors";

export type JsonResult<T> =
  | { ok: true; data: T }
  | { ok: false; status: number; code: string; message: string; fieldErrors?: FieldErrors; details?: unknown };

export async function sendJson<T = unknown>(
  url: string,
  body: unknown,
  method: "POST" | "PUT" | "PATCH" | "DELETE" = "POST",
): Promise<JsonResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  } catch {
    return {
      ok: false,
      status: 0,
      code: "NETWORK",
      message: "Connexion impossible : vérifiez votre réseau puis réessayez.",
    };
  }
  const payload = await response.json().catch(() => null);
  if (response.ok) return { ok: true, data: payload as T };
  const error = payload?.error;
  return {
    ok: false,
    status: response.status,
    code: error?.code ?? "UNKNOWN",
    message: error?.message ?? `Erreur ${response.status} : réessayez.`,
    fieldErrors: error?.fieldErrors,
    details: error?.details,
  };
}
