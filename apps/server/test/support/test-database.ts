import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../src/db/client.js';
import { migrateDatabase } from '../../src/db/migrate.js';
import { templateDatabase } from './postgres-cluster.js';

export interface TestDatabase extends Database {
  /** Drops what was made for this test file. */
  dispose(): Promise<void>;
}

/**
 * A fresh, migrated database for one test file, on the kind the run was started with: an in-memory
 * PGlite, or a PostgreSQL database cloned from the migrated template.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (inject('databaseKind') === 'postgres') {
    const adminUrl = inject('postgresAdminUrl');
    const name = `ciao_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      await admin.query(`create database ${name} template ${templateDatabase}`);
    } finally {
      await admin.end();
    }
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const database = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 10 });
    return {
      ...database,
      dispose: async () => {
        await database.close();
        const cleanup = new pg.Client({ connectionString: adminUrl });
        await cleanup.connect();
        await cleanup.query(`drop database if exists ${name} with (force)`).catch(() => {});
        await cleanup.end();
      },
    };
  }
  const snapshotPath = inject('pgliteSnapshotPath');
  if (snapshotPath) {
    const database = await openDatabase({
      kind: 'pglite-memory',
      loadDataDir: new Blob([fs.readFileSync(snapshotPath)]),
    });
    return { ...database, dispose: () => database.close() };
  }
  const database = await openDatabase({ kind: 'pglite-memory' });
  await migrateDatabase(database);
  return { ...database, dispose: () => database.close() };
}
