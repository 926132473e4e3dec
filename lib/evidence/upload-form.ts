import "server-only";
import { AppError } from "@/lib/core/errors";
import { ZRequirementCode } from "./schemas";
import { MAX_EVIDENCE_BYTES, TOO_LARGE_MESSAGE } from "./types";

// Reads the multipart body of POST /api/assessments/[assessmentId]/evidence: `file` and
// `requirementCode`. The declared length is checked before reading, and the bytes actually
// received are counted too (a chunked body has no declared length), so at most 20 Mo plus the
// multipart envelope is ever held in memory.

const ENVELOPE_BYTES = 64 * 1024;
const MAX_BODY_BYTES = MAX_EVIDENCE_BYTES + ENVELOPE_BYTES;

const tooLarge = () => new AppError("PAYLOAD_TOO_LARGE", TOO_LARGE_MESSAGE);

export type UploadForm = { file: File; requirementCode: string };

export async function readUploadForm(request: Request): Promise<UploadForm> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\s*;/i.test(contentType)) {
    throw new AppError("UNSUPPORTED_MEDIA", "Envoyez le fichier par le formulaire de dépôt (multipart/form-data).");
  }
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  if (!request.body) throw new AppError("BAD_INPUT", "Aucun fichier reçu.");

  let received = 0;
  const counted = request.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        received += chunk.byteLength;
        if (received > MAX_BODY_BYTES) controller.error(tooLarge());
        else controller.enqueue(chunk);
      },
    }),
  );
  let form: FormData;
  try {
    form = await new Response(counted, { headers: { "content-type": contentType } }).formData();
  } catch {
    if (received > MAX_BODY_BYTES) throw tooLarge();
    // Fewer bytes than announced, and the browser still waiting for the answer: something in front
    // of the route cut the body (e.g. Next's proxy body limit), so retrying would fail the same way.
    if (Number.isFinite(declared) && received < declared) {
      throw new AppError(
        "PAYLOAD_TOO_LARGE",
        "Le serveur n'a reçu qu'une partie du fichier : réduisez sa taille ou signalez-le à l'administrateur de la plateforme.",
      );
    }
    throw new AppError("BAD_INPUT", "Le formulaire de dépôt est illisible : réessayez.");
  }

  const file = form.get("file");
  if (!file || typeof file === "string")
    throw new AppError("BAD_INPUT", "Choisissez un fichier à joindre.", {
      fieldErrors: { file: ["Choisissez un fichier à joindre."] },
    });
  const code = ZRequirementCode.safeParse(form.get("requirementCode") ?? undefined);
  if (!code.success) {
    const message = code.error.issues[0]?.message ?? "Indiquez l'exigence concernée.";
    throw new AppError("BAD_INPUT", message, { fieldErrors: { requirementCode: [message] } });
  }
  return { file, requirementCode: code.data };
}
