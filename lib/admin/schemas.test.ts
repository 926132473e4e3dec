import { describe, expect, it } from "vitest";
import { withFinessKey } from "@/lib/establishments/finess";
import { ZInvitationAccept } from "@/lib/invitations/schemas";
import { ZFirstAdmin } from "./first-admin";
import { ZMembershipInput } from "@/lib/auth/membership-input";
import { ZEstablishmentPatch, ZRegionInput, ZUserUpdate } from "./schemas";

const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((i) => i.message) ?? [];

describe("[ADMIN] schemas", () => {
  it("[ADMIN] a membership carries exactly the scope of its role", () => {
    expect(ZMembershipInput.safeParse({ role: "admin" }).success).toBe(true);
    expect(ZMembershipInput.safeParse({ role: "contributor", function: "DPO", establishmentId: "e1" }).success).toBe(
      true,
    );
    expect(messages(ZMembershipInput.safeParse({ role: "ars_reviewer", regionId: "r1", ghtId: "g1" }))).toEqual([
      "Champ non prévu pour ce rôle : ghtId.",
    ]);
    expect(messages(ZMembershipInput.safeParse({ role: "ght_coordinator", ghtId: " " }))).toEqual([
      "Choisissez le GHT.",
    ]);
    expect(messages(ZMembershipInput.safeParse(null))).toEqual(["Choisissez un rôle."]);
  });

  it("[ADMIN] the establishment PATCH picks the edit or the toggle schema by shape, keeping French messages", () => {
    expect(ZEstablishmentPatch.safeParse({ disabled: true }).data).toEqual({ disabled: true });
    const edit = { finess: withFinessKey("22088801"), name: "CH", category: "CH", departementCode: "22", ghtId: null };
    expect(ZEstablishmentPatch.safeParse(edit).success).toBe(true);
    expect(messages(ZEstablishmentPatch.safeParse({ ...edit, disabled: true }))).toEqual([
      "Champ non prévu : disabled.",
    ]);
    expect(messages(ZEstablishmentPatch.safeParse({}))[0]).toBe("Le numéro FINESS est obligatoire.");
  });

  it("[ADMIN] trims, normalises and bounds text; an admin's account edit has no password at all", () => {
    expect(ZRegionInput.parse({ code: " 2a ", name: " Corse " })).toEqual({ code: "2A", name: "Corse" });
    expect(ZUserUpdate.safeParse({ name: "X", disabled: false }).success).toBe(true);
    // No admin ever chooses a user's password: a reset is a link the person follows.
    for (const password of ["", "court", "un mot de passe bien long"])
      expect(messages(ZUserUpdate.safeParse({ name: "X", password, disabled: false }))[0]).toMatch(/Champ non prévu/);
  });

  it("[ADMIN] a password past bcrypt's 72 UTF-8 bytes is refused, not cut", () => {
    const accented = "é".repeat(37); // 37 characters, 74 bytes
    for (const result of [
      ZFirstAdmin.safeParse({ email: "x@y.fr", name: "X", password: accented }),
      ZInvitationAccept.safeParse({ token: "t", password: accented, confirmation: accented }),
      ZInvitationAccept.safeParse({ token: "t", password: "a".repeat(73), confirmation: "a".repeat(73) }),
    ]) {
      expect(messages(result)[0]).toMatch(/trop long : 72 octets au plus/);
    }
    expect(
      ZInvitationAccept.safeParse({ token: "t", password: "a".repeat(72), confirmation: "a".repeat(72) }).success,
    ).toBe(true);
  });
});
