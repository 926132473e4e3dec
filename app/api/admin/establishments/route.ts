import { createEstablishment } from "@/lib/admin/commands";
import { ZEstablishmentInput } from "@/lib/admin/schemas";
import { adminCommand } from "@/lib/admin/admin-command";
import { db } from "@/lib/core/db";

export const POST = adminCommand(
  ZEstablishmentInput,
  ({ actor, input, requestId }) => createEstablishment(db, actor, input, requestId),
  {
    successStatus: 201,
  },
);
