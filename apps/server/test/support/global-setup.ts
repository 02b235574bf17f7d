import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/db/client.js';
import { migrateDatabase } from '../../src/db/migrate.js';
import {
  findPostgresBinDir,
  startThrowawayCluster,
  templateDatabase,
  type ThrowawayCluster,
} from './postgres-cluster.js';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseKind: 'pglite' | 'postgres';
    postgresTemplateUrl: string;
    postgresAdminUrl: string;
    pgliteSnapshotPath: string;
  }
}

/**
 * Integration tests run on the database named by CIAO_TEST_DB: `pglite` (default, a fresh in-memory
 * PGlite per test file) or `postgres`: a throwaway cluster (or CIAO_TEST_POSTGRES_URL, an existing
 * server where we may create databases) with a migrated template that each test file clones.
 */
export default async function setup(project: TestProject) {
  const kind = process.env.CIAO_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
  project.provide('databaseKind', kind);
  project.provide('postgresTemplateUrl', '');
  project.provide('postgresAdminUrl', '');
  project.provide('pgliteSnapshotPath', '');
  if (kind === 'pglite') {
    // Migrating a fresh PGlite takes seconds: migrate once, and let every test file start from a
    // dump of that database.
    const database = await openDatabase({ kind: 'pglite-memory' });
    await migrateDatabase(database);
    const dump = await database.pglite!.dumpDataDir('none');
    await database.close();
    const snapshotPath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ciao-pglite-')), 'migrated.tar');
    fs.writeFileSync(snapshotPath, Buffer.from(await dump.arrayBuffer()));
    project.provide('pgliteSnapshotPath', snapshotPath);
    return async () => {
      fs.rmSync(path.dirname(snapshotPath), { recursive: true, force: true });
    };
  }

  let cluster: ThrowawayCluster | undefined;
  let adminUrl = process.env.CIAO_TEST_POSTGRES_URL;
  if (!adminUrl) {
    const binDir = findPostgresBinDir();
    if (!binDir)
      throw new Error(
        'CIAO_TEST_DB=postgres but no PostgreSQL binaries were found (install postgresql or set PG_BIN)',
      );
    cluster = await startThrowawayCluster(binDir);
    adminUrl = cluster.url('postgres');
  }
  const templateUrl = new URL(adminUrl);
  templateUrl.pathname = `/${templateDatabase}`;

  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${templateDatabase}`);
  await admin.query(`create database ${templateDatabase}`);
  await admin.end();

  const database = await openDatabase({ kind: 'postgres', url: templateUrl.toString(), poolSize: 2 });
  await migrateDatabase(database);
  await database.close();

  project.provide('postgresAdminUrl', adminUrl);
  project.provide('postgresTemplateUrl', templateUrl.toString());

  return async () => {
    await cluster?.stop();
  };
}
