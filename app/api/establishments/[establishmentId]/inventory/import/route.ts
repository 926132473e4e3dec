import { randomUUID } from "node:crypto";
import { NextResponse } from "next/server";
import { db } from "@/lib/core/db";
import { AppError } from "@/lib/core/errors";
import { assertSameOrigin, badInput, errorResponse, readJson, requireRouteActor } from "@/lib/core/http-command";
import { loadEditableEstablishment } from "@/lib/inventory/access";
import { importInventory } from "@/lib/inventory/commands";
import { MAX_IMPORT_BYTES, ZImportInput } from "@/lib/inventory/schemas";

// POST { text, mode }: imports a CSV file, all or nothing (400 with details.errors, every located
// problem, when any row is wrong). The same steps as command() in lib/core/http-command.ts, written out
// because the file may reach 1 MB, above command()'s 256 KB JSON cap; and the access check comes
// before the body is read, so that someone outside the establishment gets 404 whatever they send.

const TOO_LARGE = `Le fichier dépasse la taille maximale de ${MAX_IMPORT_BYTES / 1024 / 1024} Mo.`;
// JSON escaping (quotes, newlines, \uXXXX for control characters) can roughly double the text.
const MAX_BODY_BYTES = 2 * MAX_IMPORT_BYTES + 16 * 1024;

export async function POST(
  request: Request,
  context: { params: Promise<{ establishmentId: string }> },
): Promise<NextResponse> {
  const requestId = randomUUID();
  try {
    assertSameOrigin(request);
    const actor = await requireRouteActor();
    const { establishmentId } = await context.params;
    await loadEditableEstablishment(db, actor, establishmentId);
    const parsed = ZImportInput.safeParse(await readJson(request, MAX_BODY_BYTES, TOO_LARGE));
    if (!parsed.success) throw badInput(parsed.error);
    if (Buffer.byteLength(parsed.data.text, "utf8") > MAX_IMPORT_BYTES)
      throw new AppError("PAYLOAD_TOO_LARGE", TOO_LARGE);
    const summary = await importInventory(db, actor, establishmentId, parsed.data.text, parsed.data.mode, requestId);
    return NextResponse.json(summary);
  } catch (error) {
    return errorResponse(error, requestId);
  }
}
