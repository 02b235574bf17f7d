import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql, type SQL } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { z } from 'zod';
import type { Db } from '../db/client.js';
import { migrationsFolder } from '../db/migrate.js';

export const backupFormat = 'ciao-backup';
export const backupFormatVersion = 1;

/** What `ciao-backup.json` says about the backup it opens. */
export const backupManifestSchema = z.object({
  format: z.literal(backupFormat),
  formatVersion: z.number().int().positive(),
  createdAt: z.string(),
  ciaoVersion: z.string(),
  database: z.enum(['pglite', 'postgres']),
  /** The entry holding the database, and its SHA-256 (damage is found before anything is replaced). */
  dataEntry: z.string(),
  dataSha256: z.string().regex(/^[0-9a-f]{64}$/),
  schema: z.object({
    appliedMigrations: z.number().int().min(0),
    /** The `created_at` of the last migration applied (drizzle's migration timestamp). */
    lastMigrationAt: z.number().int().nullable(),
    lastMigrationTag: z.string().nullable(),
  }),
  secretKey: z.object({
    included: z.boolean(),
    /** Identifies the key that encrypted the secrets, without revealing it. */
    fingerprint: z.string().nullable(),
  }),
});

export type BackupManifest = z.infer<typeof backupManifestSchema>;
export type SchemaVersion = BackupManifest['schema'];

interface KnownMigration {
  tag: string;
  createdAt: number;
}

/** The migrations this build of ciao ships (apps/server/drizzle), oldest first. */
export function knownMigrations(): KnownMigration[] {
  const journal = readMigrationFiles({ migrationsFolder });
  // readMigrationFiles drops the tags; the journal order is theirs.
  const tags = (
    JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
      entries: { tag: string }[];
    }
  ).entries.map((entry) => entry.tag);
  return journal.map((migration, index) => ({
    tag: tags[index] ?? `#${index}`,
    createdAt: migration.folderMillis,
  }));
}

async function rows<Row>(db: Db, query: SQL): Promise<Row[]> {
  return ((await db.execute(query)) as unknown as { rows: Row[] }).rows;
}

/** The schema version of an open database: the migrations drizzle recorded as applied. */
export async function readSchemaVersion(db: Db): Promise<SchemaVersion> {
  const present = await rows<{ present: boolean }>(
    db,
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
  );
  if (!present[0]?.present) return { appliedMigrations: 0, lastMigrationAt: null, lastMigrationTag: null };
  const [row] = await rows<{ count: number | string; last: number | string | null }>(
    db,
    sql`select count(*) as count, max(created_at) as last from drizzle.__drizzle_migrations`,
  );
  const lastMigrationAt = row?.last === null || row?.last === undefined ? null : Number(row.last);
  return {
    appliedMigrations: Number(row?.count ?? 0),
    lastMigrationAt,
    lastMigrationTag: knownMigrations().find((known) => known.createdAt === lastMigrationAt)?.tag ?? null,
  };
}

export type SchemaComparison =
  { kind: 'same' } | { kind: 'older'; pending: string[] } | { kind: 'newer'; latestKnown: string | null };

/** Where a backup's schema stands against the migrations this build of ciao ships. */
export function compareSchema(schema: SchemaVersion): SchemaComparison {
  const known = knownMigrations();
  const latest = known.at(-1);
  const last = schema.lastMigrationAt ?? 0;
  if (latest && last > latest.createdAt) return { kind: 'newer', latestKnown: latest.tag };
  if (!latest && last > 0) return { kind: 'newer', latestKnown: null };
  const pending = known.filter((migration) => migration.createdAt > last).map((migration) => migration.tag);
  return pending.length === 0 ? { kind: 'same' } : { kind: 'older', pending };
}

/** A stable, one-way identifier of the secret key: tells whether two keys are the same one. */
export function secretKeyFingerprint(key: Buffer): string {
  return createHash('sha256').update('ciao-secret-key-fingerprint:').update(key).digest('hex').slice(0, 16);
}
