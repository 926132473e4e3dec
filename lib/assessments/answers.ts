import "server-only";
import type { Db, Tx } from "@/lib/core/db";
import { userNames } from "@/lib/core/user-names";
import type { StoredAnswer } from "./answer-schemas";

export type AnswerRow = Omit<StoredAnswer, "answeredBy" | "updatedAt"> & {
  answeredById: string | null;
  updatedAt: Date;
};

function shape(row: AnswerRow, names: Map<string, string>): StoredAnswer {
  return {
    requirementCode: row.requirementCode,
    kind: row.kind,
    value: row.value,
    justification: row.justification,
    comment: row.comment,
    needsConfirmation: row.needsConfirmation,
    carriedFrom: row.carriedFrom,
    version: row.version,
    answeredBy: row.answeredById ? (names.get(row.answeredById) ?? null) : null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function toStoredAnswer(db: Db | Tx, row: AnswerRow): Promise<StoredAnswer> {
  return shape(row, await userNames(db, [row.answeredById]));
}

/** All answers of an assessment, keyed by requirement code. Call after the scoped assessment load. */
export async function loadAnswers(db: Db | Tx, assessmentId: string): Promise<Map<string, StoredAnswer>> {
  const rows = await db.answer.findMany({ where: { assessmentId } });
  const names = await userNames(
    db,
    rows.map((r) => r.answeredById),
  );
  return new Map(rows.map((r) => [r.requirementCode, shape(r, names)]));
}
