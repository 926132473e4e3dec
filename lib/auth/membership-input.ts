import { z } from "zod";
import { ContributorFunction } from "@/generated/prisma/enums";
import { id, strict } from "@/lib/admin/schemas";

// A membership names exactly the scope its role needs (ROLE_SCOPE; the DB CHECK says the same): a
// field that does not belong to the chosen role is refused with a French message, not silently
// dropped. Client-safe: the admin's form and its route share it.
const scopeMessage = "Champ non prévu pour ce rôle";
const establishmentId = id("Choisissez l'établissement.");

export const ZMembershipInput = z.discriminatedUnion(
  "role",
  [
    strict({ role: z.literal("director"), establishmentId }, scopeMessage),
    strict(
      {
        role: z.literal("contributor"),
        function: z.enum(ContributorFunction, { error: "Choisissez la fonction du contributeur." }),
        establishmentId,
      },
      scopeMessage,
    ),
    strict({ role: z.literal("ght_coordinator"), ghtId: id("Choisissez le GHT.") }, scopeMessage),
    strict({ role: z.literal("regional_delegate"), regionId: id("Choisissez la région.") }, scopeMessage),
    strict({ role: z.literal("ars_reviewer"), regionId: id("Choisissez la région.") }, scopeMessage),
    strict({ role: z.literal("admin") }, scopeMessage),
  ],
  { error: "Choisissez un rôle." },
);
export type MembershipInput = z.output<typeof ZMembershipInput>;

/** What the admin's form starts from. */
export const MEMBERSHIP_DEFAULTS = { role: "director", establishmentId: "" } as const;
