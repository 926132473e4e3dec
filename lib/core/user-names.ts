import "server-only";
import type { Db, Tx } from "./db";

export type UserNames = Map<string, string>;

/** The display names of users ("answered by", "uploaded by"), in one query; unknown ids are left out. */
export async function userNames(db: Db | Tx, ids: Iterable<string | null>): Promise<UserNames> {
  const unique = [...new Set([...ids].filter((id): id is string => Boolean(id)))];
  if (unique.length === 0) return new Map();
  const users = await db.user.findMany({ where: { id: { in: unique } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}
