import { isNode, type Document, type LineCounter } from "yaml";

// Turns a zod issue path into something an author can act on: a readable path that names the
// requirement or domain by its code, and the line of the YAML file where the problem sits.

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Requirements and domains are known by `code`, options by `key`: that is what authors search for. */
function nameOf(item: unknown): string | undefined {
  if (!isRecord(item)) return undefined;
  const name = item.code ?? item.key;
  return typeof name === "string" || typeof name === "number" ? String(name) : undefined;
}

/** `requirements[3] (P2.1).answer.target`; the root itself is "(racine)". */
export function formatIssuePath(path: readonly PropertyKey[], data: unknown): string {
  let text = "";
  let cursor: unknown = data;
  for (const key of path) {
    if (typeof key === "number") {
      cursor = Array.isArray(cursor) ? cursor[key] : undefined;
      const name = nameOf(cursor);
      text += name === undefined ? `[${key}]` : `[${key}] (${name})`;
    } else {
      const field = String(key);
      cursor = isRecord(cursor) ? cursor[field] : undefined;
      text += text ? `.${field}` : field;
    }
  }
  return text || "(racine)";
}

/**
 * Line (1-based) of the deepest YAML node on the path that exists. A missing field has no node of
 * its own, so the line of the block that should hold it is given instead.
 */
export function lineOfPath(doc: Document, lineCounter: LineCounter, path: readonly PropertyKey[]): number | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
  }
  return undefined;
}
