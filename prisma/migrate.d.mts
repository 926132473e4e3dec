export declare const migrationsDir: string;
export type Migration = { name: string; sql: string; checksum: string };
export type MigrationClient = {
  exec(sql: string): Promise<unknown>;
  query(sql: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
};
export declare function readMigrations(dir?: string): Migration[];
export declare function applyMigrations(db: MigrationClient, migrations?: Migration[]): Promise<string[]>;
