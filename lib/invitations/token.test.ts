import { describe, expect, it } from "vitest";
import {
  hashInvitationToken,
  INVITATION_TTL_HOURS,
  invitationExpiry,
  isInvitationTokenShape,
  newInvitationToken,
} from "./token";

describe("[INVITATIONS] tokens", () => {
  it("[INVITATIONS] are 256 random bits, URL-safe, different each time; only their SHA-256 is stored", () => {
    const a = newInvitationToken();
    const b = newInvitationToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    expect(isInvitationTokenShape(a)).toBe(true);
    expect(isInvitationTokenShape(`${a}x`)).toBe(false);
    expect(hashInvitationToken(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashInvitationToken(a)).not.toContain(a);
    expect(hashInvitationToken(a)).toBe(hashInvitationToken(a));
  });

  it("[INVITATIONS] expire after a limited time", () => {
    const now = new Date("2026-12-05T10:00:00Z");
    expect(invitationExpiry(now).getTime() - now.getTime()).toBe(INVITATION_TTL_HOURS * 3_600_000);
    expect(INVITATION_TTL_HOURS).toBeLessThanOrEqual(7 * 24);
  });
});
