import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readMigrations } from "@/prisma/migrate.mjs";
import { SAVE_ANSWER_FUNCTION } from "./answer-write";

// socle_save_answer is created by a migration from SAVE_ANSWER_FUNCTION. The function embeds the
// scope rules (lib/auth/scope.ts) as SQL, so a change there or in the statement must ship as a new
// migration: the last migration that defines the function must carry exactly today's text.

describe("socle_save_answer", () => {
  it("is defined by the latest migration that defines it, with today's SQL", () => {
    const defining = readMigrations().filter((m) => m.sql.includes("FUNCTION socle_save_answer("));
    const latest = defining.at(-1);
    if (!latest?.sql.includes(SAVE_ANSWER_FUNCTION)) {
      const out = path.resolve("test-results", "socle_save_answer.sql");
      mkdirSync(path.dirname(out), { recursive: true });
      writeFileSync(out, SAVE_ANSWER_FUNCTION);
      expect.fail(
        `The autosave statement or the scope rules changed: add a migration whose migration.sql is ${out} ` +
          `(prisma/migrations/<timestamp>_save_answer_function/migration.sql); an applied migration is never edited.`,
      );
    }
  });
});
