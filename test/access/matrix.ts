// Turns a readable grid (one line per actor × resource, one column per permission) into the
// it.each rows of the access matrix, refusing at collection time a grid that has a hole or a
// duplicate, so that a forgotten case cannot pass silently.
import type { Permission } from "@/lib/auth/permissions";
import { ACTOR_KEYS, type ActorKey } from "./fixtures";

export type Outcome = "allowed" | "404";
export type MatrixRow<R extends string> = { actor: ActorKey; permission: Permission; resource: R; expected: Outcome };

export function matrix<R extends string>(
  permissions: readonly Permission[],
  resources: readonly R[],
  grid: readonly (readonly [ActorKey, R, ...Outcome[]])[],
): MatrixRow<R>[] {
  const seen = new Set<string>();
  const rows: MatrixRow<R>[] = [];
  for (const [actor, resource, ...outcomes] of grid) {
    const key = `${actor} / ${resource}`;
    if (seen.has(key)) throw new Error(`access matrix: ${key} appears twice`);
    seen.add(key);
    if (outcomes.length !== permissions.length) {
      throw new Error(`access matrix: ${key} has ${outcomes.length} outcomes for ${permissions.length} permissions`);
    }
    permissions.forEach((permission, i) => rows.push({ actor, permission, resource, expected: outcomes[i]! }));
  }
  for (const actor of ACTOR_KEYS) {
    for (const resource of resources) {
      if (!seen.has(`${actor} / ${resource}`)) throw new Error(`access matrix: ${actor} / ${resource} is missing`);
    }
  }
  return rows;
}
