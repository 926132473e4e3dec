import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Role } from "@/generated/prisma/enums";

// Access is decided in lib/auth/ only: anywhere else, a role name in quotes is a decision taken
// beside the table (a `m.role === "director"`, a `role: { in: [...] }`, a `'director'` in SQL).
// Tests may name roles (they build the fixtures); the app, lib and components may not.

const ROOT = path.resolve(__dirname, "../..");
const TREES = ["app", "lib", "components"];
const LITERAL = new RegExp(`["'\`](${Object.values(Role).join("|")})["'\`]`);

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(relative);
    return /\.(ts|tsx|mjs|js)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [relative] : [];
  });
}

function roleLiteralsOutsideAuth(): string[] {
  const found: string[] = [];
  for (const file of TREES.flatMap(sources)) {
    if (file.startsWith(`lib${path.sep}auth${path.sep}`)) continue;
    readFileSync(path.join(ROOT, file), "utf8")
      .split("\n")
      .forEach((line, i) => {
        if (LITERAL.test(line)) found.push(`${file}:${i + 1}: ${line.trim()}`);
      });
  }
  return found;
}

describe("[ACCESS] role names", () => {
  it("the pattern catches a comparison, a where clause and SQL", () => {
    expect(LITERAL.test(`m.role === "director"`)).toBe(true);
    expect(LITERAL.test(`role: { in: ["contributor"] }`)).toBe(true);
    expect(LITERAL.test(`d."role" = 'ars_reviewer'`)).toBe(true);
    expect(LITERAL.test(`"/admin/users"`)).toBe(false);
  });

  it("no role name is written outside lib/auth/ (decide through can(), the scopes or grantsWhere/grantsSql)", () => {
    expect(roleLiteralsOutsideAuth()).toEqual([]);
  });
});
