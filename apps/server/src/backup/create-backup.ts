import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ServerConfig } from '../config.js';
import { openDatabase, type Database } from '../db/client.js';
import { DataDirLockedError } from '../db/data-dir-lock.js';
import { serverVersion } from '../version.js';
import { manifestEntry, sha256File, writeArchive, type ArchiveEntry } from './backup-archive.js';
import { BackupRefusedError } from './backup-errors.js';
import {
  backupFormat,
  backupFormatVersion,
  readSchemaVersion,
  secretKeyFingerprint,
  type BackupManifest,
} from './backup-manifest.js';
import { readSecretKeyInEffect, secretKeyEntry } from './backup-secret-key.js';
import { runPostgresTool } from './postgres-tools.js';

export interface BackupReport {
  manifest: BackupManifest;
  /** Lines for the operator, warnings marked as such. */
  notes: string[];
}

/** Opens the embedded database for a backup or restore, refusing while the server holds it. */
export async function openEmbeddedForMaintenance(dataDir: string): Promise<Database> {
  try {
    return await openDatabase({ kind: 'pglite', dataDir });
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      throw new BackupRefusedError(
        `The data directory ${dataDir} is in use by another ciao process (pid ${error.holderPid}), ` +
          'probably the server. The embedded database can only be backed up or restored while the ' +
          'server is stopped: stop it, run this command, start it again (PostgreSQL backs up online).',
      );
    }
    throw error;
  }
}

/**
 * Backs up the server's database into one archive: PGlite's own data-directory dump, or `pg_dump`
 * in its custom format. The secret key goes in only when asked (`includeSecretKey`, embedded only).
 */
export async function createBackup(
  config: ServerConfig,
  options: { out: string; includeSecretKey: boolean; now?: () => Date },
): Promise<BackupReport> {
  const out = path.resolve(options.out);
  if (fs.existsSync(out)) {
    throw new BackupRefusedError(
      `${out} already exists: choose a new file name (backups are never overwritten).`,
    );
  }
  if (!fs.existsSync(path.dirname(out)))
    throw new BackupRefusedError(`The directory ${path.dirname(out)} does not exist.`);
  const kind = config.database.kind;
  if (options.includeSecretKey && kind === 'postgres') {
    throw new BackupRefusedError(
      '--include-secret-key is for the embedded database. With PostgreSQL the key is SECRET_KEY in the ' +
        "server's environment: keep it in your secret store, apart from the database dumps.",
    );
  }
  const key = readSecretKeyInEffect(config);
  const notes: string[] = [];
  const work = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'ciao-backup-'));
  try {
    let dataEntry: ArchiveEntry;
    let dataSha256: string;
    let schema: BackupManifest['schema'];
    if (config.database.kind === 'pglite') {
      const dataDir = config.database.dataDir;
      if (!fs.existsSync(path.join(dataDir, 'pgdata'))) {
        throw new BackupRefusedError(
          `There is no embedded database in ${dataDir}: nothing to back up. Check DATA_DIR ` +
            '(or DATABASE_URL, if the server runs on PostgreSQL).',
        );
      }
      const database = await openEmbeddedForMaintenance(dataDir);
      let dump: Buffer;
      try {
        schema = await readSchemaVersion(database.db);
        dump = Buffer.from(await (await database.pglite!.dumpDataDir('none')).arrayBuffer());
      } finally {
        await database.close();
      }
      dataEntry = { name: 'pglite-data.tar', content: dump };
      dataSha256 = createHash('sha256').update(dump).digest('hex');
    } else {
      const url = config.database.url;
      const database = await openDatabase({ kind: 'postgres', url, poolSize: 1 });
      try {
        schema = await readSchemaVersion(database.db);
      } finally {
        await database.close();
      }
      const dumpFile = path.join(work, 'postgres.pgdump');
      // Uncompressed: the archive around it is gzip-compressed already.
      await runPostgresTool('pg_dump', ['--format=custom', '--compress=0', `--file=${dumpFile}`], url);
      dataEntry = { name: 'postgres.pgdump', file: dumpFile };
      dataSha256 = await sha256File(dumpFile);
    }

    const includeKey = options.includeSecretKey && key !== null;
    const manifest: BackupManifest = {
      format: backupFormat,
      formatVersion: backupFormatVersion,
      createdAt: (options.now?.() ?? new Date()).toISOString(),
      ciaoVersion: serverVersion,
      database: kind,
      dataEntry: dataEntry.name,
      dataSha256,
      schema,
      secretKey: { included: includeKey, fingerprint: key ? secretKeyFingerprint(key.key) : null },
    };
    const entries: ArchiveEntry[] = [
      { name: manifestEntry, content: Buffer.from(JSON.stringify(manifest, null, 2)) },
      dataEntry,
    ];
    if (includeKey) entries.push({ name: secretKeyEntry, content: Buffer.from(`${key.hex}\n`) });
    await writeArchive(out, entries);
    await fs.promises.chmod(out, 0o600);

    notes.push(
      `Backup written to ${out} (${kind === 'pglite' ? 'embedded database' : 'PostgreSQL'}, schema at ${
        schema.lastMigrationTag ?? `${schema.appliedMigrations} migrations`
      }).`,
    );
    if (options.includeSecretKey && !key) {
      notes.push(
        'No secret key exists yet (none in SECRET_KEY or DATA_DIR/secret.key), so none was included.',
      );
    } else if (includeKey) {
      notes.push(
        'WARNING: this backup holds the SECRET KEY: anyone with the file can read the stored ONSS keys. ' +
          'Store it encrypted and as carefully as the key itself.',
      );
    } else if (key) {
      notes.push(
        `WARNING: the secret key is NOT in this backup. The encrypted secrets (ONSS private keys…) it ` +
          `holds can only be read with the key from ${key.source} (fingerprint ${secretKeyFingerprint(key.key)}): ` +
          'keep a copy of it apart from the backups (password manager, secret store)' +
          (kind === 'pglite' ? ', or back up with --include-secret-key.' : '.'),
      );
    }
    return { manifest, notes };
  } finally {
    await fs.promises.rm(work, { recursive: true, force: true });
  }
}
