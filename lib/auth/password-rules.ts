import { z } from "zod";

// One rule for every place a password is set (account creation, admin reset, own change, the first
// admin): bcrypt reads only the first 72 bytes, so a longer password would be cut silently and its
// end would not count. Bytes, not characters: "é" is two bytes in UTF-8. Client-safe (zod only).

export const PASSWORD_MIN = 12;
export const BCRYPT_MAX_BYTES = 72;

export const utf8Length = (text: string) => new TextEncoder().encode(text).length;

export const TOO_LONG = `Le mot de passe est trop long : ${BCRYPT_MAX_BYTES} octets au plus (environ ${BCRYPT_MAX_BYTES} caractères sans accent, moins avec des accents).`;

export const ZNewPassword = z
  .string({ error: "Saisissez un mot de passe." })
  .min(PASSWORD_MIN, { error: `Le mot de passe doit compter au moins ${PASSWORD_MIN} caractères.` })
  .refine((p) => utf8Length(p) <= BCRYPT_MAX_BYTES, { error: TOO_LONG });
