import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema/index.js';
import { lockDataDir } from './data-dir-lock.js';

export type Schema = typeof schema;

/** The one database type the repositories see, whichever driver is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export type DatabaseTarget =
  | { kind: 'pglite'; dataDir: string }
  | { kind: 'pglite-memory'; /** A dump of a prepared database to start from (tests). */ loadDataDir?: Blob }
  | { kind: 'postgres'; url: string; poolSize?: number };

export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** Answers within the timeout or throws: used by /health/ready. */
  ping(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
  /** The node-postgres pool, for work that needs a dedicated connection (LISTEN, advisory locks). */
  pool?: pg.Pool;
  /** The PGlite instance, when embedded. */
  pglite?: PGlite;
}

// Timestamps come back as JS Dates and bigints as strings unless told otherwise; keep numeric as string.
const PG_BIGINT_OID = 20;
pg.types.setTypeParser(PG_BIGINT_OID, (value) => Number.parseInt(value, 10));

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'postgres') return openPostgres(target.url, target.poolSize ?? 20);
  return openPglite(
    target.kind === 'pglite' ? target.dataDir : undefined,
    target.kind === 'pglite-memory' ? target.loadDataDir : undefined,
  );
}

async function openPglite(dataDir: string | undefined, loadDataDir?: Blob): Promise<Database> {
  const release = dataDir ? lockDataDir(dataDir) : () => {};
  let client: PGlite;
  try {
    client = dataDir
      ? await PGlite.create(path.join(dataDir, 'pgdata'))
      : await PGlite.create(loadDataDir ? { loadDataDir } : {});
  } catch (error) {
    release();
    throw error;
  }
  const db = drizzlePglite(client, { schema, casing: 'snake_case' }) as unknown as Db;
  let closed = false;
  return {
    kind: 'pglite',
    db,
    pglite: client,
    ping: (timeoutMs = 2000) =>
      withTimeout(
        client.query('select 1').then(() => undefined),
        timeoutMs,
      ),
    close: async () => {
      if (closed) return;
      closed = true;
      try {
        await client.close();
      } finally {
        release();
      }
    },
  };
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    connectionTimeoutMillis: 5000,
    idleTimeoutMillis: 30_000,
    application_name: 'ciao',
  });
  // An idle client losing its connection (server restart) must not crash the process: the pool
  // drops it and the next query opens a new one.
  pool.on('error', () => {});
  // Nor one checked out between two queries (a transaction waiting on the app, the anomaly scan's
  // advisory-lock client): the pool listens to idle clients only, and an 'error' event nobody
  // listens to ends the process. Its next query fails (503 to the caller), and the pool drops it
  // when it is released.
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = drizzlePg(pool, { schema, casing: 'snake_case' }) as unknown as Db;
  let closed = false;
  return {
    kind: 'postgres',
    db,
    pool,
    ping: (timeoutMs = 2000) =>
      withTimeout(
        pool.query('select 1').then(() => undefined),
        timeoutMs,
      ),
    close: async () => {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

function withTimeout<T>(promise: Promise<T>, timeoutMs: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`database did not answer within ${timeoutMs} ms`)),
      timeoutMs,
    );
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** True when the database holds no tenant yet (a fresh install). */
export async function isEmptyDatabase(db: Db): Promise<boolean> {
  const rows = await db.select({ id: schema.tenants.id }).from(schema.tenants).limit(1);
  return rows.length === 0;
}
