import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** Where Debian (or PG_BIN) keeps initdb and pg_ctl; undefined when PostgreSQL is not installed. */
export function findPostgresBinDir(): string | undefined {
  const candidates: string[] = [];
  if (process.env.PG_BIN) candidates.push(process.env.PG_BIN);
  const debianRoot = '/usr/lib/postgresql';
  if (fs.existsSync(debianRoot)) {
    const versions = fs
      .readdirSync(debianRoot)
      .filter((name) => /^\d+$/.test(name))
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((version) => path.join(debianRoot, version, 'bin')));
  }
  try {
    candidates.push(execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim());
  } catch {
    // pg_config not installed: rely on the other candidates.
  }
  return candidates.find(
    (dir) => fs.existsSync(path.join(dir, 'initdb')) && fs.existsSync(path.join(dir, 'pg_ctl')),
  );
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface ThrowawayCluster {
  url: (database: string) => string;
  port: number;
  /** Its data directory: `postmaster.pid` there names the server process (bench CPU accounting). */
  dataDir: string;
  /** Stops the server (fast shutdown: connections are cut) and keeps the data: a database outage. */
  halt(): Promise<void>;
  /** Starts the halted server again on the same port, with the same data. */
  resume(): Promise<void>;
  stop(): Promise<void>;
}

function run(binDir: string, command: string, args: string[], asPostgres: boolean): Promise<void> {
  const binary = path.join(binDir, command);
  // initdb refuses to run as root; CI runs as root, so run the cluster as the postgres user.
  const [file, argv] = asPostgres ? ['runuser', ['-u', 'postgres', '--', binary, ...args]] : [binary, args];
  return new Promise((resolve, reject) => {
    const child = spawn(file, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} exited with ${code}:\n${output}`)),
    );
  });
}

/**
 * A PostgreSQL cluster made for one test run in a temporary directory on a free port, with fsync off
 * (tests do not need durability), dropped afterwards.
 */
export async function startThrowawayCluster(binDir: string): Promise<ThrowawayCluster> {
  const asPostgres = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ciao-pg-'));
  if (asPostgres) execFileSync('chown', ['postgres:postgres', dir]);
  const dataDir = path.join(dir, 'data');
  const port = await freePort();
  await run(
    binDir,
    'initdb',
    ['--no-sync', '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '-D', dataDir],
    asPostgres,
  );
  const options = `-p ${port} -F -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off ${process.env.CIAO_PG_EXTRA_OPTIONS ?? ''}`;
  const start = () =>
    run(
      binDir,
      'pg_ctl',
      ['-D', dataDir, '-o', options, '-w', '-l', path.join(dir, 'log'), 'start'],
      asPostgres,
    );
  await start();
  return {
    port,
    dataDir,
    url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    halt: () => run(binDir, 'pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop'], asPostgres),
    resume: start,
    stop: async () => {
      await run(binDir, 'pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop'], asPostgres).catch(
        () => {},
      );
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The migrated database that every PostgreSQL test database is cloned from. */
export const templateDatabase = 'ciao_template';
