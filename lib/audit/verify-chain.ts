import type { PrismaClient } from "@/generated/prisma/client";
import { auditHashSql } from "./chain-sql";

// Walks the audit trail in id order, recomputing each row's hash with the verifier's own copy of
// the expression (chain-sql.ts), and stops at the first row that breaks the chain.

export type ChainBreak = {
  id: bigint;
  at: string;
  action: string;
  reason: "missing_hash" | "content_changed" | "link_broken";
};
export type ChainReport = { ok: true; checked: number } | { ok: false; checked: number; firstBroken: ChainBreak };

type Row = { id: bigint; at: string; action: string; prevHash: string | null; hash: string | null; recomputed: string };

const BATCH = 2000;
const PAGE_SQL = `SELECT e.id, to_char(e.at, 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS at, e.action, e."prevHash", e."hash",
  ${auditHashSql('e."prevHash"', "e")} AS recomputed
  FROM "AuditEvent" e WHERE e.id > $1 ORDER BY e.id LIMIT ${BATCH}`;

export async function verifyAuditChain(db: Pick<PrismaClient, "$queryRawUnsafe">): Promise<ChainReport> {
  let previous: string | null = null;
  let after = BigInt(-1);
  let checked = 0;
  for (;;) {
    const rows = await db.$queryRawUnsafe<Row[]>(PAGE_SQL, after);
    for (const row of rows) {
      const reason: ChainBreak["reason"] | null = !row.hash
        ? "missing_hash"
        : row.hash !== row.recomputed
          ? "content_changed"
          : row.prevHash !== previous
            ? "link_broken"
            : null;
      if (reason) {
        return { ok: false, checked, firstBroken: { id: BigInt(row.id), at: row.at, action: row.action, reason } };
      }
      previous = row.hash;
      checked += 1;
    }
    if (rows.length < BATCH) return { ok: true, checked };
    after = BigInt(rows[rows.length - 1]!.id);
  }
}

const REASONS: Record<ChainBreak["reason"], string> = {
  missing_hash: "elle n'a pas d'empreinte (écrite sans le déclencheur de chaînage)",
  content_changed: "son contenu ne correspond plus à son empreinte (ligne modifiée)",
  link_broken: "elle ne suit pas la ligne précédente (une ligne a été supprimée, insérée ou réordonnée avant elle)",
};

/** The French sentence `npm run audit:verify` prints. */
export function describeChainReport(report: ChainReport): string {
  if (report.ok)
    return `Journal d'audit intègre : ${report.checked} ligne(s) vérifiée(s), chaîne d'empreintes continue.`;
  const row = report.firstBroken;
  return (
    `Journal d'audit ROMPU à la ligne ${row.id} (${row.action}, ${row.at}) : ${REASONS[row.reason]}. ` +
    `${report.checked} ligne(s) intègre(s) avant elle.`
  );
}
