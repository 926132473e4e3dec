// npm run audit:verify — checks the audit trail's hash chain and names the first broken row.
// Exit code 0 when intact, 2 when broken. On PGlite, run it with the server stopped (one process
// per data folder); on PostgreSQL, any time, with a role that may read "AuditEvent".
import { createPrismaClient } from "@/lib/core/db-adapter";
import { env } from "@/lib/core/env";
import { describeChainReport, verifyAuditChain } from "@/lib/audit/verify-chain";

async function main() {
  const db = createPrismaClient(env.postgresUrl, env.pgliteDir);
  try {
    const report = await verifyAuditChain(db);
    console.log(describeChainReport(report));
    return report.ok ? 0 : 2;
  } finally {
    await db.$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
