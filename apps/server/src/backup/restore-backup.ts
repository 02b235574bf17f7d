import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import type { ServerConfig } from '../config.js';
import { openDatabase, type Db } from '../db/client.js';
import { DataDirLockedError, lockDataDir } from '../db/data-dir-lock.js';
import { BackupFormatError, extractArchive, sha256File } from './backup-archive.js';
import { BackupRefusedError } from './backup-errors.js';
import {
  backupFormat,
  backupFormatVersion,
  backupManifestSchema,
  compareSchema,
  readSchemaVersion,
  secretKeyFingerprint,
  type BackupManifest,
} from './backup-manifest.js';
import { readSecretKeyInEffect, secretKeyEntry, secretKeyPath } from './backup-secret-key.js';
import { runPostgresTool } from './postgres-tools.js';

export interface RestoreReport {
  manifest: BackupManifest;
  notes: string[];
}

function parseManifest(raw: unknown, file: string): BackupManifest {
  const format = (raw as { format?: unknown } | null)?.format;
  if (format !== backupFormat)
    throw new BackupFormatError(`${file} is not a ciao backup (no "${backupFormat}" manifest).`);
  const version = (raw as { formatVersion?: unknown }).formatVersion;
  if (typeof version === 'number' && version > backupFormatVersion) {
    throw new BackupRefusedError(
      `${file} was made by a newer ciao (backup format ${version}, this one reads up to ${backupFormatVersion}): ` +
        'restore it with that version of ciao or newer.',
    );
  }
  const parsed = backupManifestSchema.safeParse(raw);
  if (!parsed.success)
    throw new BackupFormatError(`${file} has an unreadable manifest: ${parsed.error.issues[0]?.message}.`);
  return parsed.data;
}

const stamp = (now: Date) => now.toISOString().replace(/[:.]/g, '-');

/**
 * Restores a backup made by `createBackup` into the database the configuration names. Refuses a
 * target that already holds data unless `force`, a backup of the other database kind, a damaged
 * file, and a schema newer than this ciao knows. Pending migrations apply at the next start.
 */
export async function restoreBackup(
  config: ServerConfig,
  options: { from: string; force: boolean; now?: () => Date },
): Promise<RestoreReport> {
  const from = path.resolve(options.from);
  if (!fs.existsSync(from)) throw new BackupRefusedError(`There is no file ${from}.`);
  const now = options.now?.() ?? new Date();
  const work = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'ciao-restore-'));
  const notes: string[] = [];
  try {
    let extracted;
    try {
      extracted = await extractArchive(from, work);
    } catch (error) {
      if (error instanceof BackupFormatError)
        throw new BackupFormatError(`${from} cannot be restored: ${error.message}`);
      throw error;
    }
    const manifest = parseManifest(extracted.manifest, from);
    const dataFile = extracted.files.get(manifest.dataEntry);
    if (!dataFile || (await sha256File(dataFile)) !== manifest.dataSha256) {
      throw new BackupFormatError(`${from} is damaged: its database entry does not match its checksum.`);
    }

    const target = config.database.kind;
    if (manifest.database !== target) {
      throw new BackupRefusedError(
        manifest.database === 'postgres'
          ? `${from} is a PostgreSQL backup, and this configuration uses the embedded database: set DATABASE_URL to the (empty) PostgreSQL database to restore into.`
          : `${from} is a backup of the embedded database, and this configuration uses PostgreSQL (DATABASE_URL): unset DATABASE_URL and set DATA_DIR to restore it.`,
      );
    }
    const comparison = compareSchema(manifest.schema);
    if (comparison.kind === 'newer') {
      throw new BackupRefusedError(
        `${from} was made by ciao ${manifest.ciaoVersion} with a newer database schema ` +
          `(${manifest.schema.lastMigrationTag ?? 'unknown migration'}) than this ciao knows ` +
          `(${comparison.latestKnown ?? 'none'}): install ciao ${manifest.ciaoVersion} or newer, then restore.`,
      );
    }

    if (config.database.kind === 'pglite') {
      notes.push(...(await restoreEmbedded(config.database.dataDir, manifest, dataFile, options.force, now)));
    } else {
      notes.push(...(await restorePostgres(config.database.url, manifest, dataFile, options.force)));
    }

    notes.push(...(await placeSecretKey(config, manifest, extracted.files.get(secretKeyEntry), now)));
    if (comparison.kind === 'older') {
      notes.push(
        `The backup's schema is older than this ciao's: ${comparison.pending.length} migration(s) ` +
          `(${comparison.pending.join(', ')}) apply at the next start of the server, as after an upgrade.`,
      );
    }
    return { manifest, notes };
  } finally {
    await fs.promises.rm(work, { recursive: true, force: true });
  }
}

async function assertSchemaRestored(db: Db, manifest: BackupManifest): Promise<void> {
  const restored = await readSchemaVersion(db);
  if (
    restored.appliedMigrations !== manifest.schema.appliedMigrations ||
    restored.lastMigrationAt !== manifest.schema.lastMigrationAt
  ) {
    throw new Error(
      `the restored database is at ${restored.appliedMigrations} migrations, the backup said ${manifest.schema.appliedMigrations}`,
    );
  }
}

async function restoreEmbedded(
  dataDir: string,
  manifest: BackupManifest,
  dataFile: string,
  force: boolean,
  now: Date,
): Promise<string[]> {
  let release: () => void;
  try {
    release = lockDataDir(dataDir);
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      throw new BackupRefusedError(
        `The data directory ${dataDir} is in use by another ciao process (pid ${error.holderPid}), probably ` +
          'the server: stop it before restoring.',
      );
    }
    throw error;
  }
  try {
    const pgdata = path.join(dataDir, 'pgdata');
    const holdsData = fs.existsSync(pgdata) && fs.readdirSync(pgdata).length > 0;
    if (holdsData && !force) {
      throw new BackupRefusedError(
        `${dataDir} already holds a database. Restoring replaces it: run again with --force ` +
          '(the current database is kept aside, not deleted), or restore into an empty DATA_DIR.',
      );
    }
    // Loaded beside the live directory first: a failed load leaves the current database untouched.
    const restoring = path.join(dataDir, 'pgdata.restoring');
    fs.rmSync(restoring, { recursive: true, force: true });
    try {
      const client = await PGlite.create(restoring, { loadDataDir: await fs.openAsBlob(dataFile) });
      try {
        await assertSchemaRestored(drizzle(client) as unknown as Db, manifest);
        await client.query('checkpoint');
      } finally {
        await client.close();
      }
    } catch (error) {
      fs.rmSync(restoring, { recursive: true, force: true });
      throw error;
    }
    const notes: string[] = [];
    if (holdsData) {
      const aside = path.join(dataDir, `pgdata.before-restore-${stamp(now)}`);
      fs.renameSync(pgdata, aside);
      notes.push(`The database that was there is kept in ${aside}: delete it once the restore is checked.`);
    } else {
      fs.rmSync(pgdata, { recursive: true, force: true });
    }
    fs.renameSync(restoring, pgdata);
    notes.unshift(`Restored the embedded database of ${manifest.createdAt} into ${dataDir}.`);
    return notes;
  } finally {
    release();
  }
}

async function restorePostgres(
  url: string,
  manifest: BackupManifest,
  dataFile: string,
  force: boolean,
): Promise<string[]> {
  const database = await openDatabase({ kind: 'postgres', url, poolSize: 1 });
  try {
    const result = (await database.db.execute(
      sql`select count(*)::int as count from pg_tables where schemaname in ('public', 'drizzle')`,
    )) as unknown as { rows: { count: number }[] };
    const holdsData = (result.rows[0]?.count ?? 0) > 0;
    if (holdsData && !force) {
      throw new BackupRefusedError(
        'The target PostgreSQL database is not empty. Restore into a new empty database ' +
          '(createdb ciao_restored, then point DATABASE_URL to it), or run again with --force to replace ' +
          "the backup's tables in this one.",
      );
    }
    // One transaction: on any error nothing changes. --no-owner/--no-privileges: the target role owns
    // what it restores, whatever the roles of the source server were.
    await runPostgresTool(
      'pg_restore',
      [
        '--exit-on-error',
        '--single-transaction',
        '--no-owner',
        '--no-privileges',
        ...(holdsData ? ['--clean', '--if-exists'] : []),
        dataFile,
      ],
      url,
    );
    await assertSchemaRestored(database.db, manifest);
  } finally {
    await database.close();
  }
  return [`Restored the PostgreSQL database of ${manifest.createdAt}.`];
}

/** Puts an included key in DATA_DIR, then checks that the key the server will use is the backup's. */
async function placeSecretKey(
  config: ServerConfig,
  manifest: BackupManifest,
  keyFile: string | undefined,
  now: Date,
): Promise<string[]> {
  const notes: string[] = [];
  if (keyFile && manifest.database === 'pglite') {
    const hex = fs.readFileSync(keyFile, 'utf8').trim().toLowerCase();
    if (!/^[0-9a-f]{64}$/.test(hex))
      throw new BackupFormatError('the secret key in the backup is not a valid key.');
    const target = secretKeyPath(config.dataDir);
    const existing = fs.existsSync(target) ? fs.readFileSync(target, 'utf8').trim().toLowerCase() : null;
    if (existing !== hex) {
      if (existing !== null) {
        const aside = `${target}.before-restore-${stamp(now)}`;
        fs.renameSync(target, aside);
        notes.push(`The secret key that was there is kept in ${aside}.`);
      }
      fs.writeFileSync(target, `${hex}\n`, { mode: 0o600 });
      notes.push(`The backup's secret key was written to ${target}.`);
    }
  }
  const expected = manifest.secretKey.fingerprint;
  if (!expected) return notes;
  const inEffect = readSecretKeyInEffect(config);
  if (!inEffect) {
    notes.push(
      `WARNING: no secret key here (SECRET_KEY unset, no ${secretKeyPath(config.dataDir)}). Before starting ` +
        `the server, put the key of the backed-up installation (fingerprint ${expected}) in SECRET_KEY or in that ` +
        'file: otherwise the server creates a new key and the stored ONSS keys cannot be decrypted.',
    );
  } else if (secretKeyFingerprint(inEffect.key) !== expected) {
    notes.push(
      `WARNING: the secret key in ${inEffect.source} is not the backup's (fingerprint ${secretKeyFingerprint(inEffect.key)}, ` +
        `expected ${expected}): the stored ONSS keys cannot be decrypted with it. Use the backed-up key` +
        (inEffect.source === 'SECRET_KEY' && keyFile
          ? ` (now in ${secretKeyPath(config.dataDir)}; SECRET_KEY takes precedence).`
          : '.'),
    );
  } else {
    notes.push(`The secret key in ${inEffect.source} is the backup's (fingerprint ${expected}).`);
  }
  return notes;
}
