import type { PrismaClient } from "@/generated/prisma/client";

// What a logical backup needs to know of the schema, read from the catalog (so a new table or
// column is backed up without a code change): the tables, their columns, primary keys, serial
// columns, and an insertion order that respects every foreign key. Where keys form a cycle (a GHT
// and its support establishment) or point to their own table (an assessment's previous revision),
// one nullable key is left empty on insert and written once every row is in. Only those: CHECK
// constraints may read the others (a membership's scope).

export type SqlDb = Pick<PrismaClient, "$queryRawUnsafe" | "$executeRawUnsafe">;

export type TableInfo = {
  name: string;
  columns: string[];
  primaryKey: string[];
  /** Nullable foreign-key columns: inserted empty, then set once every table is in. */
  deferred: string[];
  serials: string[];
};

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The tables of the public schema (the migrations' ledger apart), in a safe insertion order. */
export async function readTables(db: SqlDb): Promise<TableInfo[]> {
  const columns = await db.$queryRawUnsafe<
    { table: string; column: string; nullable: string; serial: boolean }[]
  >(`SELECT table_name::text AS table, column_name::text AS column, is_nullable::text AS nullable,
       coalesce(column_default LIKE 'nextval(%', false) AS serial
     FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_socle_migrations'
       AND table_name IN (SELECT tablename FROM pg_tables WHERE schemaname = 'public')
     ORDER BY table_name, ordinal_position`);
  const keys = await db.$queryRawUnsafe<{ table: string; column: string }[]>(
    `SELECT c.relname::text AS table, a.attname::text AS column FROM pg_index i
       JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY(i.indkey)
     WHERE i.indisprimary AND n.nspname = 'public' ORDER BY c.relname, a.attnum`,
  );
  const foreign = await db.$queryRawUnsafe<{ table: string; column: string; ref: string; notnull: boolean }[]>(
    `SELECT c.relname::text AS table, a.attname::text AS column, f.relname::text AS ref, a.attnotnull AS notnull FROM pg_constraint k
       JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class f ON f.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = ANY(k.conkey)
     WHERE k.contype = 'f' AND n.nspname = 'public'`,
  );

  type Edge = { column: string; ref: string; notnull: boolean };
  const tables = new Map<string, TableInfo & { dependsOn: Edge[] }>();
  for (const c of columns) {
    const table =
      tables.get(c.table) ??
      tables
        .set(c.table, { name: c.table, columns: [], primaryKey: [], deferred: [], serials: [], dependsOn: [] })
        .get(c.table)!;
    table.columns.push(c.column);
    if (c.serial) table.serials.push(c.column);
  }
  for (const k of keys) tables.get(k.table)?.primaryKey.push(k.column);
  for (const f of foreign) {
    const table = tables.get(f.table);
    if (!table) continue;
    if (f.ref !== f.table) table.dependsOn.push({ column: f.column, ref: f.ref, notnull: f.notnull });
    else if (!f.notnull && !table.deferred.includes(f.column)) table.deferred.push(f.column);
    else if (f.notnull) throw new Error(`Clé étrangère non nulle vers sa propre table : ${f.table}.${f.column}.`);
  }

  const ordered: TableInfo[] = [];
  const placed = new Set<string>();
  const waiting = () =>
    [...tables.values()].filter((t) => !placed.has(t.name)).sort((a, b) => a.name.localeCompare(b.name));
  const blocking = (t: TableInfo & { dependsOn: Edge[] }) =>
    t.dependsOn.filter((e) => !placed.has(e.ref) && !t.deferred.includes(e.column));
  while (placed.size < tables.size) {
    const ready = waiting().filter((t) => blocking(t).length === 0);
    if (ready.length === 0) {
      // A cycle: leave one nullable key of it empty on insert.
      const breakable = waiting()
        .flatMap((t) => blocking(t).map((edge) => ({ t, edge })))
        .find(({ edge }) => !edge.notnull);
      if (!breakable) throw new Error("Cycle de clés étrangères non nulles : sauvegarde impossible.");
      breakable.t.deferred.push(breakable.edge.column);
      continue;
    }
    for (const t of ready) {
      ordered.push({
        name: t.name,
        columns: t.columns,
        primaryKey: t.primaryKey,
        deferred: t.deferred,
        serials: t.serials,
      });
      placed.add(t.name);
    }
  }
  return ordered;
}
