import { randomUUID } from "node:crypto";
import { NextResponse } from "next/server";
import { z } from "zod";
import {
  MAX_REFERENTIAL_BYTES,
  MAX_REPORTED_ERRORS,
  type TUploadResponse,
} from "@/components/referentials/upload-limits";
import { assertAdmin } from "@/lib/admin/guard";
import { db } from "@/lib/core/db";
import { AppError } from "@/lib/core/errors";
import { assertSameOrigin, badInput, errorResponse, readJson, requireRouteActor } from "@/lib/core/http-command";
import { parseReferential } from "@/lib/referentials/parse";
import { importReferentialVersion } from "@/lib/referentials/store";

// POST { fileName, text }: validates a referential file and loads it as a new, immutable version.
// Written out rather than through command(): the file may reach 512 KB, above command()'s JSON cap,
// and the admin check comes before the body is read, so a non-admin gets a 404 whatever they send.

const TOO_LARGE = `Le fichier dépasse la taille maximale de ${MAX_REFERENTIAL_BYTES / 1024} Ko.`;
// JSON escaping (newlines, quotes, backslashes) can roughly double the text, plus the file name.
const MAX_BODY_BYTES = 2 * MAX_REFERENTIAL_BYTES + 16 * 1024;

const ZUpload = z.strictObject(
  {
    fileName: z
      .string({ error: "Le nom du fichier est manquant." })
      .trim()
      .min(1, { error: "Le nom du fichier est manquant." })
      .max(255, { error: "Le nom du fichier ne doit pas dépasser 255 caractères." })
      // Only used in error messages: keep the last path segment.
      .transform((name) => name.split(/[\\/]/).pop() || name),
    text: z.string({ error: "Le contenu du fichier est manquant." }).min(1, { error: "Le fichier est vide." }),
  },
  {
    error: (iss) =>
      iss.code === "unrecognized_keys"
        ? `Champ non prévu : ${iss.keys.join(", ")}.`
        : "Le contenu envoyé doit être un objet JSON.",
  },
);

export async function POST(request: Request): Promise<NextResponse> {
  const requestId = randomUUID();
  try {
    assertSameOrigin(request);
    const actor = await requireRouteActor();
    assertAdmin(actor);
    const parsed = ZUpload.safeParse(await readJson(request, MAX_BODY_BYTES, TOO_LARGE));
    if (!parsed.success) throw badInput(parsed.error);
    const { fileName, text } = parsed.data;
    if (Buffer.byteLength(text, "utf8") > MAX_REFERENTIAL_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", TOO_LARGE);

    const result = parseReferential(text, fileName);
    if (!result.ok) {
      const count = result.errors.length;
      throw new AppError("BAD_INPUT", `Le fichier est refusé : ${count} erreur${count > 1 ? "s" : ""} à corriger.`, {
        details: { errors: result.errors.slice(0, MAX_REPORTED_ERRORS), total: count },
      });
    }
    const imported = await importReferentialVersion(db, actor, result.referential, requestId);
    const body: TUploadResponse = {
      status: imported.status,
      versionId: imported.versionId,
      referentialId: result.referential.id,
      version: result.referential.version,
    };
    return NextResponse.json(body, { status: imported.status === "created" ? 201 : 200 });
  } catch (error) {
    return errorResponse(error, requestId);
  }
}
