// Client-safe: what the public check answers, and how the pages word it.
import { formatDate, formatDateTime, frTypo } from "./format";

/** A later revision of the same establishment and campaign: the dossier is no longer the current one. */
export type Supersession = { revision: number; submittedAt: string | null };

export type VerifyResult =
  | {
      authentic: true;
      establishment: string;
      campaign: string;
      submittedAt: string | null;
      generatedAt: string;
      revision: number;
      supersededBy: Supersession | null;
    }
  | { authentic: false; reason: "unknown_code" | "no_match" };

/** 20 Mo: the largest file the public check reads. */
export const MAX_VERIFY_BYTES = 20 * 1024 * 1024;

export const BAD_CODE_MESSAGE =
  "Ce code n'a pas le bon format : il compte 12 caractères (lettres et chiffres, sans 0, O, 1, I ni L), par exemple ABCD-EFGH-JKMN.";

export type VerifyMessage = { tone: "success" | "warning" | "error"; title: string; lines: string[] };

/** The French wording of a result (French spacing applied); `by` says what the reader submitted. */
export function describeVerifyResult(result: VerifyResult, by: "code" | "file"): VerifyMessage {
  const message = wording(result, by);
  return { tone: message.tone, title: frTypo(message.title), lines: message.lines.map(frTypo) };
}

function wording(result: VerifyResult, by: "code" | "file"): VerifyMessage {
  if (result.authentic) {
    const later = result.supersededBy;
    return {
      tone: later ? "warning" : "success",
      title: `Dossier authentique : émis par Socle le ${formatDate(result.generatedAt)} pour ${result.establishment}`,
      lines: [
        ...(later
          ? [
              later.submittedAt
                ? `Attention : ce dossier (révision ${result.revision}) a été remplacé par une révision plus récente, la révision ${later.revision}, soumise le ${formatDateTime(later.submittedAt)}. Demandez à l'établissement le dossier de cette révision.`
                : `Attention : l'établissement a rouvert cette évaluation ; une révision plus récente (révision ${later.revision}) est en préparation et remplacera ce dossier (révision ${result.revision}) une fois soumise.`,
            ]
          : []),
        `Campagne : ${result.campaign}`,
        `Évaluation soumise le ${formatDateTime(result.submittedAt)}`,
        `Dossier généré le ${formatDateTime(result.generatedAt)}`,
        by === "file"
          ? "Le fichier déposé est identique, octet pour octet, au dossier émis : il n'a pas été modifié."
          : "Ce code correspond à un dossier émis par Socle. Pour vous assurer que le fichier reçu n'a pas été modifié, déposez-le ci-dessous.",
      ],
    };
  }
  return result.reason === "unknown_code"
    ? {
        tone: "error",
        title: "Aucun dossier ne correspond à ce code",
        lines: [
          "Vérifiez la saisie du code imprimé en pied de page du dossier. Un brouillon n'a pas de code et ne peut pas être vérifié.",
        ],
      }
    : {
        tone: "error",
        title: "Ce fichier ne correspond à aucun dossier émis par Socle : il a pu être modifié",
        lines: [
          "Même une modification minime (un octet) change l'empreinte du fichier. Demandez à l'établissement de vous transmettre à nouveau le dossier téléchargé depuis Socle.",
        ],
      };
}
