// Expected errors carry a code the UI turns into a French message; anything else is unexpected,
// logged with an event id and shown as a generic message (never a stack, never a 500 for bad input).
export const ERROR_STATUS = {
  BAD_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403, // used only where the resource is already visible to the actor
  NOT_FOUND: 404,
  CONFLICT: 409, // unique key taken, or a stale version (optimistic concurrency)
  STALE_VERSION: 409,
  LOCKED: 423, // submitted assessment, published referential version
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA: 415,
  RATE_LIMITED: 429,
  BUSY: 503, // this process is at its cap for heavy work (public verifier uploads): retry shortly
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fieldErrors?: FieldErrors;
  readonly details?: unknown;

  constructor(code: ErrorCode, message: string, options?: { fieldErrors?: FieldErrors; details?: unknown }) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.fieldErrors = options?.fieldErrors;
    this.details = options?.details;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what = "Cette ressource") =>
  new AppError("NOT_FOUND", `${what} est introuvable ou ne vous est pas accessible.`);

export const forbidden = (message = "Vous n'avez pas les droits pour cette action.") =>
  new AppError("FORBIDDEN", message);

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** An error tied to one form field, so the form shows it under that control. */
export function fieldError(field: string, message: string, code: ErrorCode = "BAD_INPUT"): AppError {
  return new AppError(code, message, { fieldErrors: { [field]: [message] } });
}
