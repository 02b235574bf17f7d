import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { BackupRefusedError } from './backup-errors.js';

/**
 * Where pg_dump / pg_restore are: PG_BIN, then PATH, then `pg_config --bindir`, then Debian's
 * /usr/lib/postgresql/<version>/bin (newest first, since pg_dump must be at least the server's version).
 */
export function findPostgresTool(tool: 'pg_dump' | 'pg_restore'): string {
  const candidates: string[] = [];
  if (process.env.PG_BIN) candidates.push(path.join(process.env.PG_BIN, tool));
  for (const dir of (process.env.PATH ?? '').split(path.delimiter))
    if (dir) candidates.push(path.join(dir, tool));
  try {
    const bindir = execFileSync('pg_config', ['--bindir'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    candidates.push(path.join(bindir.trim(), tool));
  } catch {
    // No pg_config: the other places remain.
  }
  const debianRoot = '/usr/lib/postgresql';
  if (fs.existsSync(debianRoot)) {
    const versions = fs
      .readdirSync(debianRoot)
      .filter((name) => /^\d+$/.test(name))
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((version) => path.join(debianRoot, version, 'bin', tool)));
  }
  const found = candidates.find((candidate) => {
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
  if (!found) {
    throw new BackupRefusedError(
      `${tool} was not found (looked in PG_BIN, PATH, pg_config --bindir and /usr/lib/postgresql/*/bin). ` +
        'Install the PostgreSQL client tools of the same major version as the server or newer ' +
        '(Debian/Ubuntu: apt install postgresql-client-17; Alpine: apk add postgresql17-client; ' +
        'macOS: brew install libpq), or set PG_BIN to the directory that holds them.',
    );
  }
  return found;
}

/**
 * The connection for libpq tools: the URL without its password (a command line is visible to every
 * local user in `ps`), the password in PGPASSWORD.
 */
function libpqConnection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return { dbname: parsed.toString(), env: password ? { PGPASSWORD: password } : {} };
}

/** Runs a libpq tool against `url`; fails with what it printed on stderr. */
export function runPostgresTool(tool: 'pg_dump' | 'pg_restore', args: string[], url: string): Promise<void> {
  const binary = findPostgresTool(tool);
  const { dbname, env } = libpqConnection(url);
  return new Promise((resolve, reject) => {
    const child = spawn(binary, [...args, `--dbname=${dbname}`], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) return resolve();
      const hint = /version mismatch|unsupported version/i.test(stderr)
        ? `\n${tool} must be of the server's major version or newer: install a newer client, or set PG_BIN.`
        : '';
      reject(new Error(`${tool} failed (exit ${code}):\n${stderr.trim()}${hint}`));
    });
  });
}
