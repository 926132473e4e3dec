import { LineCounter, parseDocument } from "yaml";
import { frenchErrorMap, frenchYamlMessage } from "./french-errors";
import { formatIssuePath, lineOfPath } from "./issue-location";
import { ZReferentialFile, type TReferentialFile } from "./schemas";

// Pure: text in, validated referential or a list of located French errors out. Used by the loader
// script and by the admin upload, so both refuse a file for the same reasons.

export type TParseError = {
  file: string;
  /** `requirements[3] (P2.1).answer.target`, or "syntaxe YAML". */
  path: string;
  message: string;
  line?: number;
};

export type TParseResult = { ok: true; referential: TReferentialFile } | { ok: false; errors: TParseError[] };

export function parseReferential(text: string, fileName: string): TParseResult {
  const lineCounter = new LineCounter();
  // prettyErrors off: the English excerpt it appends is replaced by a French message and a line.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    const errors = doc.errors.map((error) => ({
      file: fileName,
      path: "syntaxe YAML",
      line: lineCounter.linePos(error.pos[0]).line,
      message: frenchYamlMessage(error.code),
    }));
    return { ok: false, errors };
  }

  let data: unknown;
  try {
    data = doc.toJS();
  } catch {
    // Only alias bombs and similar reach here: the syntax itself was accepted above.
    return {
      ok: false,
      errors: [
        { file: fileName, path: "syntaxe YAML", message: "Document YAML impossible à lire (alias trop nombreux ?)." },
      ],
    };
  }

  // YAML's "\0" escape can make one; PostgreSQL stores neither the character nor its JSON escape.
  if (JSON.stringify(data ?? null).includes("\\u0000")) {
    return {
      ok: false,
      errors: [
        {
          file: fileName,
          path: "texte",
          message: "Le fichier contient un caractère nul (U+0000), que la base ne peut pas enregistrer : retirez-le.",
        },
      ],
    };
  }

  const result = ZReferentialFile.safeParse(data, { error: frenchErrorMap });
  if (result.success) return { ok: true, referential: result.data };
  const errors = result.error.issues.map((issue) => ({
    file: fileName,
    path: formatIssuePath(issue.path, data),
    line: lineOfPath(doc, lineCounter, issue.path),
    message: issue.message,
  }));
  return { ok: false, errors };
}

/** One line per error: "fichier:ligne : chemin : problème". */
export function formatParseErrors(errors: readonly TParseError[]): string {
  return errors
    .map((e) => `${e.file}${e.line === undefined ? "" : `:${e.line}`} : ${e.path} : ${e.message}`)
    .join("\n");
}
