import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { extractArchive, manifestEntry, writeArchive } from '../src/backup/backup-archive.js';
import { openDatabase, type Database } from '../src/db/client.js';
import { migrateDatabase } from '../src/db/migrate.js';
import { onssConnections, onssRegistrations } from '../src/db/schema/index.js';
import { createSecretBox } from '../src/security/secret-box.js';
import { resolveSecretKey } from '../src/security/secret-key.js';
import { createClockWorld } from './support/clock-world.js';
import { webSessionFor } from './support/factories.js';
import { testConfig } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';
import { asUser, type WebSession } from './support/web-client.js';
import { runCli as ciao } from './support/cli-process.js';

const onPostgres = inject('databaseKind') === 'postgres';

/** Row count and a checksum of the content of every table, schema `drizzle` (migrations) included. */
async function tableChecksums(database: Database): Promise<Record<string, string>> {
  const query = async <Row>(text: string) =>
    ((await database.db.execute(sql.raw(text))) as unknown as { rows: Row[] }).rows;
  const tables = await query<{ schema: string; name: string }>(
    `select table_schema as schema, table_name as name from information_schema.tables
      where table_schema in ('public', 'drizzle') and table_type = 'BASE TABLE' order by 1, 2`,
  );
  const sums: Record<string, string> = {};
  for (const table of tables) {
    const [row] = await query<{ count: number; sum: string }>(
      `select count(*)::int as count, coalesce(md5(string_agg(t::text, E'\\n' order by t::text)), '') as sum
         from "${table.schema}"."${table.name}" t`,
    );
    sums[`${table.schema}.${table.name}`] = `${row!.count}:${row!.sum}`;
  }
  return sums;
}

const privateKeyPem = '-----BEGIN PRIVATE KEY-----\nbackup-round-trip\n-----END PRIVATE KEY-----\n';

describe(`backup and restore (${onPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ciao-backup-test-'));
  const sourceDir = path.join(work, 'source');
  const targetDir = path.join(work, 'target');
  const backupFile = path.join(work, 'ciao.tar.gz');
  const secretKeyHex = randomBytes(32).toString('hex');
  let sourceEnv: Record<string, string>;
  let targetEnv: Record<string, string>;
  let sourceDatabase: TestDatabase | undefined;
  const targetDatabases: string[] = [];
  let expected: {
    checksums: Record<string, string>;
    registrations: unknown;
    session: WebSession;
    tenantId: string;
  };

  async function emptyPostgresDatabase(): Promise<string> {
    const adminUrl = inject('postgresAdminUrl');
    const name = `ciao_restore_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    targetDatabases.push(name);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return url.toString();
  }

  const openSource = () =>
    onPostgres
      ? openDatabase({ kind: 'postgres', url: sourceEnv.DATABASE_URL! })
      : openDatabase({ kind: 'pglite', dataDir: sourceDir });
  const openTarget = () =>
    onPostgres
      ? openDatabase({ kind: 'postgres', url: targetEnv.DATABASE_URL! })
      : openDatabase({ kind: 'pglite', dataDir: targetDir });

  beforeAll(async () => {
    if (onPostgres) {
      sourceDatabase = await createTestDatabase();
      const url = (sourceDatabase.pool as unknown as { options: { connectionString: string } }).options
        .connectionString;
      await sourceDatabase.close();
      // Production keeps the key in SECRET_KEY with PostgreSQL.
      sourceEnv = { DATABASE_URL: url, SECRET_KEY: secretKeyHex };
      targetEnv = { DATABASE_URL: await emptyPostgresDatabase(), SECRET_KEY: secretKeyHex };
    } else {
      // The embedded install: the key is DATA_DIR/secret.key, as the server creates it.
      fs.mkdirSync(sourceDir);
      fs.writeFileSync(path.join(sourceDir, 'secret.key'), secretKeyHex, { mode: 0o600 });
      sourceEnv = { DATA_DIR: sourceDir };
      targetEnv = { DATA_DIR: targetDir };
    }

    // Two companies with agents, registrations through the real app (with their ONSS outbox rows),
    // and a sealed ONSS private key.
    const database = await openSource();
    if (!onPostgres) await migrateDatabase(database);
    const secretBox = createSecretBox(Buffer.from(secretKeyHex, 'hex'));
    const app = await buildApp({ config: testConfig, database, secretBox, serveFrontEnds: false });
    try {
      await app.ready();
      const worlds = [await createClockWorld(app), await createClockWorld(app)];
      for (const world of worlds) {
        await app.ctx.db
          .update(onssConnections)
          .set({ privateKeyEncrypted: secretBox.seal(privateKeyPem) })
          .where(eq(onssConnections.tenantId, world.tenant.id));
        for (const [action, minutes] of [
          ['ARRIVE', 90],
          ['LEAVE', 30],
        ] as const) {
          const answer = await world.send(world.event(action, { deviceTime: world.minutesAgo(minutes) }));
          expect(answer.statusCode, answer.body).toBe(201);
        }
      }
      const tenantId = worlds[0]!.tenant.id;
      const outbox = await app.ctx.db
        .select()
        .from(onssRegistrations)
        .where(eq(onssRegistrations.tenantId, tenantId));
      expect(outbox).toHaveLength(2);
      const { session } = await webSessionFor(app, tenantId, 'SUPERVISOR');
      const registrations = await asUser(app, session, { method: 'GET', url: '/api/registrations' });
      expect(registrations.statusCode, registrations.body).toBe(200);
      expect((registrations.json() as { total: number }).total).toBe(2);
      expected = {
        checksums: await tableChecksums(database),
        registrations: registrations.json(),
        session,
        tenantId,
      };
    } finally {
      await app.close();
      await database.close();
    }
  }, 120_000);

  afterAll(async () => {
    await sourceDatabase?.dispose();
    if (onPostgres && targetDatabases.length > 0) {
      const admin = new pg.Client({ connectionString: inject('postgresAdminUrl') });
      await admin.connect();
      for (const name of targetDatabases) await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('backs up into one archive that says what it holds', async () => {
    const args = ['backup:create', '--out', backupFile, ...(onPostgres ? [] : ['--include-secret-key'])];
    const result = await ciao(args, sourceEnv);
    expect(result.err + result.out, result.err).toContain('Backup written to');
    expect(result.code).toBe(0);
    expect(result.err).toContain(
      onPostgres ? 'the secret key is NOT in this backup' : 'this backup holds the SECRET KEY',
    );

    const unpacked = fs.mkdtempSync(path.join(work, 'unpacked-'));
    const { manifest, files } = await extractArchive(backupFile, unpacked);
    expect(manifest).toMatchObject({
      format: 'ciao-backup',
      database: onPostgres ? 'postgres' : 'pglite',
      secretKey: { included: !onPostgres },
    });
    expect([...files.keys()].sort()).toEqual(
      onPostgres ? ['postgres.pgdump'] : ['pglite-data.tar', 'secret.key'],
    );
  }, 120_000);

  it('restores into a fresh target: same rows in every table, same answers, the secret readable', async () => {
    const result = await ciao(['backup:restore', '--from', backupFile], targetEnv);
    expect(result.code, result.err + result.out).toBe(0);
    expect(result.out).toContain('Restored the');
    expect(result.out).toMatch(/The secret key in .* is the backup's/);
    expect(result.err).not.toContain('WARNING');

    const database = await openTarget();
    try {
      expect(await tableChecksums(database)).toEqual(expected.checksums);
      // The key the restored server resolves is the backed-up one (written to DATA_DIR when embedded).
      const key = resolveSecretKey(onPostgres ? secretKeyHex : undefined, targetDir).key;
      const secretBox = createSecretBox(key);
      const app = await buildApp({ config: testConfig, database, secretBox, serveFrontEnds: false });
      try {
        await app.ready();
        const registrations = await asUser(app, expected.session, {
          method: 'GET',
          url: '/api/registrations',
        });
        expect(registrations.statusCode, registrations.body).toBe(200);
        expect(registrations.json()).toEqual(expected.registrations);
        const [connection] = await app.ctx.db
          .select()
          .from(onssConnections)
          .where(eq(onssConnections.tenantId, expected.tenantId));
        expect(secretBox.open(connection!.privateKeyEncrypted!).toString()).toBe(privateKeyPem);
      } finally {
        await app.close();
      }
    } finally {
      await database.close();
    }
  }, 120_000);

  it('refuses a target that holds data unless --force, and then replaces it', async () => {
    const refused = await ciao(['backup:restore', '--from', backupFile], targetEnv);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(onPostgres ? /not empty/ : /already holds a database/);

    const forced = await ciao(['backup:restore', '--from', backupFile, '--force'], targetEnv);
    expect(forced.code, forced.err + forced.out).toBe(0);
    if (!onPostgres) expect(forced.out).toContain('is kept in');
    const database = await openTarget();
    try {
      expect(await tableChecksums(database)).toEqual(expected.checksums);
    } finally {
      await database.close();
    }
  }, 120_000);

  it('refuses a damaged file, a file that is not a backup, and a schema newer than this ciao', async () => {
    const damaged = path.join(work, 'damaged.tar.gz');
    const bytes = fs.readFileSync(backupFile);
    for (let index = Math.floor(bytes.length / 2); index < Math.floor(bytes.length / 2) + 64; index += 1) {
      bytes[index] = bytes[index]! ^ 0xff;
    }
    fs.writeFileSync(damaged, bytes);
    const truncated = path.join(work, 'truncated.tar.gz');
    fs.writeFileSync(truncated, fs.readFileSync(backupFile).subarray(0, 4096));
    const notGzip = path.join(work, 'notes.txt');
    fs.writeFileSync(notGzip, 'not a backup\n');
    const gzipOfText = path.join(work, 'notes.txt.gz');
    fs.writeFileSync(gzipOfText, zlib.gzipSync(Buffer.alloc(2048, 'x')));

    const fresh: Record<string, string> = onPostgres
      ? { ...targetEnv, DATABASE_URL: await emptyPostgresDatabase() }
      : { DATA_DIR: path.join(work, 'fresh') };
    for (const [file, message] of [
      [damaged, /damaged/],
      [truncated, /truncated|damaged/],
      [notGzip, /not a ciao backup \(not a gzip-compressed archive\)/],
      [gzipOfText, /not a ciao backup/],
    ] as const) {
      const result = await ciao(['backup:restore', '--from', file], fresh);
      expect(result.code, `${file}: ${result.err}`).toBe(1);
      expect(result.err).toMatch(message);
    }

    // A backup of the other database kind: refused before the target is even opened.
    const otherKind: Record<string, string> = onPostgres
      ? { DATA_DIR: path.join(work, 'other-kind') }
      : { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/nowhere' };
    const wrongKind = await ciao(['backup:restore', '--from', backupFile], otherKind);
    expect(wrongKind.code).toBe(1);
    expect(wrongKind.err).toMatch(
      onPostgres
        ? /is a PostgreSQL backup.*set DATABASE_URL/
        : /backup of the embedded database.*unset DATABASE_URL/,
    );

    // A backup from a future ciao: one migration beyond the last this build ships.
    const unpacked = fs.mkdtempSync(path.join(work, 'future-'));
    const { manifest, files } = await extractArchive(backupFile, unpacked);
    const future = structuredClone(manifest) as {
      schema: { lastMigrationAt: number; lastMigrationTag: string };
      ciaoVersion: string;
    };
    future.schema.lastMigrationAt += 86_400_000;
    future.schema.lastMigrationTag = '9999_from_the_future';
    future.ciaoVersion = '99.0.0';
    const futureFile = path.join(work, 'future.tar.gz');
    await writeArchive(futureFile, [
      { name: manifestEntry, content: Buffer.from(JSON.stringify(future)) },
      ...[...files].map(([name, file]) => ({ name, file })),
    ]);
    const newer = await ciao(['backup:restore', '--from', futureFile], fresh);
    expect(newer.code).toBe(1);
    expect(newer.err).toContain('install ciao 99.0.0 or newer');

    if (!onPostgres) expect(fs.existsSync(path.join(fresh.DATA_DIR!, 'pgdata'))).toBe(false);
  }, 120_000);

  it.runIf(!onPostgres)(
    'refuses to back up the embedded database while the server holds it',
    async () => {
      const database = await openDatabase({ kind: 'pglite', dataDir: sourceDir });
      try {
        const result = await ciao(
          ['backup:create', '--out', path.join(work, 'while-running.tar.gz')],
          sourceEnv,
        );
        expect(result.code).toBe(1);
        expect(result.err).toMatch(/in use by another ciao process \(pid \d+\).*stop it/);
        expect(fs.existsSync(path.join(work, 'while-running.tar.gz'))).toBe(false);
      } finally {
        await database.close();
      }
    },
    60_000,
  );
});
