// A per-process cap on work that holds memory or CPU for a while (the public verifier's uploads).
// It protects this process only, never decides access: limits that must hold across instances
// are rows in the database (lib/auth/rate-limit.ts).

export type Gate = { tryEnter(): (() => void) | null; readonly active: number };

/** `tryEnter()` gives a release function, or null when `max` holders are already in. */
export function createGate(max: number): Gate {
  let active = 0;
  return {
    get active() {
      return active;
    },
    tryEnter() {
      if (active >= max) return null;
      active += 1;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        active -= 1;
      };
    },
  };
}
