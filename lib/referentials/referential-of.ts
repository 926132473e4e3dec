import type { TReferentialFile } from "./schemas";

/**
 * A stored version's content as the referential it is. The one cast from the database's JSON:
 * the content was validated by ZReferentialFile before it was stored, and a version is immutable.
 */
export function referentialOf(row: { content: unknown }): TReferentialFile {
  return row.content as TReferentialFile;
}
