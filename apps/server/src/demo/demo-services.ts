import { buildSimulator } from '@ciao/onss-simulator';
import type { FastifyInstance } from 'fastify';
import type { ServerConfig } from '../config.js';
import type { Database } from '../db/client.js';
import {
  demoAgentPassword,
  demoEmptyTenant,
  demoLicenceCode,
  demoOperator,
  demoTenant,
  demoUsers,
  demoWebPassword,
} from './demo-data.js';
import type { SecretBox } from '../security/secret-box.js';
import { prepareDemoSimulator } from './demo-onss.js';
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
  secretBox,
}: {
  config: ServerConfig;
  database: Database;
  seedDemo: boolean;
  /** Seals the demo company's ONSS private key, and opens it to register its public key. */
  secretBox?: SecretBox;
}): Promise<DemoServices> {
  if (seedDemo) await seedDemoData(database.db, secretBox ? { secretBox } : {});

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
    if (secretBox) {
      // The demo must start even when the simulator cannot be prepared: say why, and go on.
      await prepareDemoSimulator(simulator, database.db, secretBox).catch((error: unknown) => {
        process.stderr.write(`ONSS simulator not prepared for the demo: ${(error as Error).message}\n`);
      });
    }
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
      `Empty company ${demoEmptyTenant.code}, to set up from scratch: back-office login ${demoEmptyTenant.adminLogin}, password ${demoWebPassword}`,
      `Operator console ${base}/platform: ${demoOperator.email}, password ${demoOperator.password}, TOTP secret ${demoOperator.totpSecret} (add it to an authenticator app)`,
    );
  }
  lines.push('', 'Press Ctrl-C to stop.', '');
  process.stdout.write(`${lines.join('\n')}\n`);
}
