import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));

/**
 * Runs the operator command line as its own process, from the sources, as an operator would. The
 * machine's own database, mail and key settings are cleared: each test says which it uses in `env`.
 */
export function runCli(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
    const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', cli, ...args], {
      env: {
        ...process.env,
        NODE_ENV: 'development',
        DATABASE_URL: '',
        SMTP_URL: '',
        PUBLIC_URL: '',
        SECRET_KEY: '',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) => resolve({ code, out, err }));
  });
}
