import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { simulatorClient, type SimulatorClient } from '../../apps/server/test/support/onss-simulator.js';
import { freePort } from '../../apps/server/test/support/postgres-cluster.js';
import { waitUntilReady } from './wait-until-ready.js';

const simulatorMain = path.resolve(import.meta.dirname, '../../apps/onss-simulator/dist/main.js');

export interface SimulatorProcess extends SimulatorClient {
  pid: number;
  stop(): Promise<void>;
}

/**
 * The built ONSS simulator in a process of its own, as ONSS is to ciao: a long run's load
 * generator then measures its own delays, not the simulator's work (they shared a process and its
 * event loop before).
 */
export async function startSimulatorProcess(settings: {
  validationDelayMs: number;
}): Promise<SimulatorProcess> {
  if (!fs.existsSync(simulatorMain)) throw new Error('build first: npm run build');
  const port = await freePort();
  const child = spawn(process.execPath, [simulatorMain], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      SCENARIO: 'empty',
      VALIDATION_DELAY_MS: String(settings.validationDelayMs),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  await waitUntilReady(child, `${url}/admin/registrations`, 'the ONSS simulator', 100);
  return {
    ...simulatorClient(url),
    pid: child.pid!,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
