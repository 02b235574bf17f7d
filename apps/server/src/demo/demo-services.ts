import { buildSimulator } from '@ciao/onss-simulator';
import type { FastifyInstance } from 'fastify';
import type { ServerConfig } from '../config.js';
import type { Database } from '../db/client.js';
import { demoAgentPassword, demoLicenceCode, demoTenant, demoUsers, demoWebPassword } from './demo-data.js';
import { seedDemo as seedDemoData } from './seed-demo.js';
import { findTenantByCode } from '../features/tenants/tenant-repository.js';

export async function hasDemoTenant(db: Database['db']): Promise<boolean> {
  return (await findTenantByCode(db, demoTenant.code)) !== undefined;
}

export interface DemoServices {
  simulatorUrl: string | undefined;
  close(): Promise<void>;
}

/**
 * What the demo needs beside the API: the demo company on an empty database, and the ONSS simulator
 * on its own port (unless disabled, or in production where a tenant talks to the real ONSS).
 */
export async function startDemoServices({
  config,
  database,
  seedDemo,
}: {
  config: ServerConfig;
  database: Database;
  seedDemo: boolean;
}): Promise<DemoServices> {
  if (seedDemo) await seedDemoData(database.db);

  const wantsSimulator =
    config.onssSimulator.mode === 'on' ||
    (config.onssSimulator.mode === 'auto' && config.environment !== 'production');
  let simulator: FastifyInstance | undefined;
  let simulatorUrl: string | undefined;
  if (wantsSimulator) {
    simulator = await buildSimulator({ logLevel: config.logLevel === 'silent' ? 'silent' : 'warn' });
    try {
      await simulator.listen({ port: config.onssSimulator.port, host: '127.0.0.1' });
    } catch (error) {
      await simulator.close();
      if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
        Object.assign(error as object, { port: config.onssSimulator.port });
      }
      throw error;
    }
    const address = simulator.server.address();
    const port = typeof address === 'object' && address ? address.port : config.onssSimulator.port;
    simulatorUrl = `http://127.0.0.1:${port}`;
  }
  return {
    simulatorUrl,
    close: async () => {
      await simulator?.close();
    },
  };
}

export function printWelcome({
  config,
  database,
  seeded,
  showDemoLogins,
  demo,
  readyInMs,
}: {
  config: ServerConfig;
  database: Database;
  seeded: boolean;
  showDemoLogins: boolean;
  demo: DemoServices;
  readyInMs: number;
}) {
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const base = config.publicUrl ?? `http://${host}:${config.port}`;
  const where =
    database.kind === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)';
  const lines = [
    '',
    `ciao is ready in ${Math.round(readyInMs)} ms (${where}${seeded ? ', demo data created' : ''})`,
    '',
    `  Back-office      ${base}/`,
    `  Agent app        ${base}/m/`,
    `  API docs         ${base}/api/docs`,
    `  Health           ${base}/health/ready`,
  ];
  if (demo.simulatorUrl) lines.push(`  ONSS simulator   ${demo.simulatorUrl}`);
  if (showDemoLogins) {
    lines.push(
      '',
      `Demo company ${demoTenant.code}:`,
      `  Back-office logins (company ${demoTenant.code}, password ${demoWebPassword}): ${demoUsers.map((user) => `${user.login} (${user.role})`).join(', ')}`,
      `  Agent app: licence code ${demoLicenceCode}, then TEST@${demoTenant.code} with password ${demoAgentPassword}`,
    );
  }
  lines.push('', 'Press Ctrl-C to stop.', '');
  process.stdout.write(`${lines.join('\n')}\n`);
}
