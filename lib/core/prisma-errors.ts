import { AppError } from "./errors";

// Driver-adapter errors do not always carry a Prisma code (a trigger's P0001 comes back bare),
// so both the Prisma code and the PostgreSQL SQLSTATE are checked.
export function toAppError(error: unknown, uniqueMessage = "Cette valeur est déjà utilisée."): AppError | null {
  if (typeof error !== "object" || error === null) return null;
  const e = error as {
    code?: string;
    meta?: { target?: unknown; driverAdapterError?: { cause?: { code?: string } } };
    cause?: { code?: string };
  };
  const sqlState = e.meta?.driverAdapterError?.cause?.code ?? e.cause?.code;
  if (e.code === "P2002" || sqlState === "23505") return new AppError("CONFLICT", uniqueMessage);
  if (e.code === "P2003" || sqlState === "23503") return new AppError("BAD_INPUT", "Une référence est inconnue.");
  if (e.code === "P2025") return new AppError("NOT_FOUND", "Cette ressource est introuvable.");
  if (sqlState === "23514") return new AppError("BAD_INPUT", "Ces valeurs ne respectent pas une règle de cohérence.");
  return null;
}
