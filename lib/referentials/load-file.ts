import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parseReferential, type TParseResult } from "./parse";

// Reads referential files from disk. Server-side (node:fs) but deliberately without
// `import "server-only"`: the loader script runs under tsx, outside React's server condition,
// where that package throws.

/** Folder of the shipped referentials: data/referentials/<id>/<version>.yaml. */
export const REFERENTIALS_DIR = path.join(/*turbopackIgnore: true*/ process.cwd(), "data", "referentials");

/**
 * Parses one file. Its place must agree with its content (`<id>/<version>.yaml`), else two files
 * could claim the same version and the one loaded would depend on directory order.
 */
export async function loadReferentialFile(filePath: string): Promise<TParseResult> {
  const text = await readFile(filePath, "utf8");
  const fileName = path.relative(process.cwd(), filePath) || filePath;
  const result = parseReferential(text, fileName);
  if (!result.ok) return result;

  const expected = path.join(/*turbopackIgnore: true*/ result.referential.id, `${result.referential.version}.yaml`);
  const actual = path.join(/*turbopackIgnore: true*/ path.basename(path.dirname(filePath)), path.basename(filePath));
  if (expected !== actual) {
    const message = `Le fichier doit s'appeler « ${expected} » d'après son id et sa version (trouvé : « ${actual} »).`;
    return { ok: false, errors: [{ file: fileName, path: "(racine)", message }] };
  }
  return result;
}

/** Every `<id>/<version>.yaml` under `rootDir`, sorted for a stable load order. */
export async function listReferentialFiles(rootDir: string = REFERENTIALS_DIR): Promise<string[]> {
  const entries = await readdir(rootDir, { withFileTypes: true });
  const files: string[] = [];
  for (const dir of entries.filter((e) => e.isDirectory())) {
    const inner = await readdir(path.join(/*turbopackIgnore: true*/ rootDir, dir.name));
    files.push(
      ...inner
        .filter((name) => name.endsWith(".yaml"))
        .map((name) => path.join(/*turbopackIgnore: true*/ rootDir, dir.name, name)),
    );
  }
  return files.sort();
}
