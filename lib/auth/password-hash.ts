import bcrypt from "bcryptjs";
import { AppError } from "@/lib/core/errors";
import { BCRYPT_MAX_BYTES, TOO_LONG, utf8Length } from "./password-rules";

// Apart from sign-in.ts so that scripts (the seed, admin:create) hash without loading the sign-in flow.

/** The one way a password is hashed; past 72 bytes bcrypt would cut it, so it is refused here too. */
export async function hashPassword(password: string): Promise<string> {
  if (utf8Length(password) > BCRYPT_MAX_BYTES) throw new AppError("BAD_INPUT", TOO_LONG);
  return bcrypt.hash(password, 10);
}
