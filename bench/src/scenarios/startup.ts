import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { ScenarioResult } from '../report.js';

const serverMain = path.resolve(import.meta.dirname, '../../../apps/server/dist/main.js');

/** A TCP port free on loopback right now (for a server started by a scenario). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Milliseconds from spawning the built server to /health/ready answering 200, then a clean stop. */
async function timeToReady(dataDir: string): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [serverMain], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      ONSS_SIMULATOR_PORT: String(await freePort()),
      LOG_LEVEL: 'warn',
    },
    stdio: 'ignore',
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
      try {
        const response = await fetch(`http://127.0.0.1:${port}/health/ready`);
        if (response.status === 200) return performance.now() - started;
      } catch {
        // Not listening yet.
      }
      if (performance.now() - started > 120_000) throw new Error('server not ready within 120 s');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    child.kill('SIGINT');
    await exited;
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/**
 * Start-to-ready of the built server on embedded PGlite: on an empty data directory (migrations and
 * demo data) and on a second start (data kept).
 */
export async function startupScenario({ quick }: { quick: boolean }): Promise<ScenarioResult[]> {
  if (!fs.existsSync(serverMain)) throw new Error('build first: npm run build');
  const runs = quick ? 1 : 3;
  const empty: number[] = [];
  const second: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ciao-bench-start-'));
    try {
      empty.push(await timeToReady(dataDir));
      second.push(await timeToReady(dataDir));
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }
  return [
    {
      scenario: 'startup',
      metric: 'start to ready, empty database (PGlite, demo data)',
      value: median(empty),
      unit: 'ms',
      runs,
    },
    {
      scenario: 'startup',
      metric: 'start to ready, second start (PGlite)',
      value: median(second),
      unit: 'ms',
      runs,
    },
  ];
}
