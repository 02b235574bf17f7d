import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { openDatabase, type Database } from '../src/db/client.js';
import { auditLog, tenants } from '../src/db/schema/index.js';
import { createSecretBox } from '../src/security/secret-box.js';
import { testConfig } from './support/test-app.js';
import { signIn } from './support/web-client.js';

const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));

/** Runs the operator CLI as its own process (from the sources, like the server-process tests). */
function ciao(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
    const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', cli, ...args], {
      env: {
        ...process.env,
        NODE_ENV: 'development',
        DATABASE_URL: '',
        SMTP_URL: '',
        PUBLIC_URL: '',
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

describe('operator command line', () => {
  let dataDir: string;
  let env: Record<string, string>;
  const code = `CLI${randomBytes(2).toString('hex').toUpperCase()}`;

  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ciao-cli-'));
    env = { DATA_DIR: dataDir, PUBLIC_URL: 'https://ciao.example.be' };
  });
  afterAll(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  /** The app on the CLI's database, as the server would open it (the lock held meanwhile). */
  async function withApp<T>(work: (app: FastifyInstance, database: Database) => Promise<T>): Promise<T> {
    const database = await openDatabase({ kind: 'pglite', dataDir });
    const app = await buildApp({
      config: testConfig,
      database,
      secretBox: createSecretBox(randomBytes(32)),
      serveFrontEnds: false,
    });
    try {
      await app.ready();
      return await work(app, database);
    } finally {
      await app.close();
      await database.close();
    }
  }

  const activate = (app: FastifyInstance, licenceCode: string) =>
    app.inject({
      method: 'POST',
      url: '/api/agent/v1/activation',
      payload: {
        licenceCode,
        installationId: `install-${randomBytes(4).toString('hex')}`,
        platform: 'android',
        appVersion: '1.0.0',
      },
    });

  // Each command is a process that opens the embedded database: seconds each on a small machine.
  it(
    'creates a company, issues a code that activates a device, invites the admin who sets a password and signs in; suspension refuses them and keeps the data',
    { timeout: 600_000 },
    async () => {
      const created = await ciao(
        [
          'tenant:create',
          '--code',
          code.toLowerCase(),
          '--name',
          'Brillant SRL',
          '--enterprise-number',
          'BE 0203.201.340',
          '--language',
          'nl',
        ],
        env,
      );
      expect(created.err).toBe('');
      expect(created.code).toBe(0);
      expect(created.out).toContain(`Company ${code} (Brillant SRL) created.`);

      const duplicate = await ciao(['tenant:create', '--code', code, '--name', 'Again'], env);
      expect(duplicate.code).toBe(1);
      expect(duplicate.err).toContain(`A company with the code ${code} already exists.`);

      const issued = await ciao(
        ['licence:issue', '--tenant', code, '--max-devices', '3', '--label', 'Phones'],
        env,
      );
      expect(issued.code).toBe(0);
      const licenceCode = /Code \(shown only now, keep it safe\): ([A-Z0-9-]+)/.exec(issued.out)?.[1];
      expect(licenceCode).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);

      const invited = await ciao(
        [
          'admin:invite',
          '--tenant',
          code,
          '--login',
          'chef',
          '--name',
          'Chef Brillant',
          '--email',
          'chef@brillant.be',
        ],
        env,
      );
      expect(invited.code).toBe(0);
      const link = /Link \(valid until [^)]+\): (\S+)/.exec(invited.out)?.[1] ?? '';
      expect(link).toMatch(/^https:\/\/ciao\.example\.be\/set-password\?token=/);
      const token = new URL(link).searchParams.get('token') ?? '';

      await withApp(async (app, database) => {
        const activation = await activate(app, licenceCode!);
        expect(activation.statusCode).toBe(200);
        expect(activation.json().deviceToken).toEqual(expect.any(String));

        const lookUp = await app.inject({
          method: 'POST',
          url: '/api/auth/password-link',
          payload: { token },
        });
        expect(lookUp.json()).toMatchObject({
          purpose: 'invitation',
          status: 'valid',
          login: 'chef',
          companyCode: code,
        });
        const done = await app.inject({
          method: 'POST',
          url: '/api/auth/password-link/completion',
          payload: { token, password: 'le chef choisit ceci' },
        });
        expect(done.statusCode).toBe(204);
        const session = await signIn(app, {
          companyCode: code,
          login: 'chef',
          password: 'le chef choisit ceci',
        });
        expect(session.response.statusCode).toBe(200);
        expect(session.response.json().session.user).toMatchObject({ role: 'ADMIN', language: 'nl' });

        // The invitation e-mail was queued in Dutch (the company's language) for the server to send.
        const outbox = await database.db.query.emailOutbox.findMany();
        expect(outbox).toHaveLength(1);
        expect(outbox[0]).toMatchObject({
          toAddress: 'chef@brillant.be',
          language: 'nl',
          template: 'invitation',
        });

        // While a process holds the embedded database, the CLI says who and what to do.
        const locked = await ciao(['tenant:list'], env);
        expect(locked.code).toBe(2);
        expect(locked.err).toContain(`pid ${process.pid}`);
        expect(locked.err).toContain('stop the server');
        expect(locked.err).toContain('DATABASE_URL');
      });

      const suspended = await ciao(['tenant:suspend', '--code', code], env);
      expect(suspended.code).toBe(0);
      const again = await ciao(['tenant:suspend', '--code', code], env);
      expect(again.code).toBe(1);
      expect(again.err).toContain('already suspended');

      const listed = await ciao(['tenant:list', '--json'], env);
      expect(listed.code).toBe(0);
      expect(JSON.parse(listed.out)).toEqual([
        expect.objectContaining({
          code,
          status: 'suspended',
          activeDevices: 1,
          activeAgents: 0,
          registrationsThisMonth: 0,
          onssErrorRate: null,
        }),
      ]);

      await withApp(async (app, database) => {
        const refused = await signIn(app, {
          companyCode: code,
          login: 'chef',
          password: 'le chef choisit ceci',
        });
        expect(refused.response.statusCode).toBe(403);
        expect(refused.response.json().code).toBe('TENANT_SUSPENDED');
        const activation = await activate(app, licenceCode!);
        expect(activation.json().code).toBe('TENANT_SUSPENDED');
        const [tenant] = await database.db.select().from(tenants).where(eq(tenants.code, code));
        const audit = await database.db
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.tenantId, tenant!.id), eq(auditLog.actorType, 'operator')));
        expect(audit.map((row) => row.action).sort()).toEqual(
          ['licence.created', 'tenant.created', 'tenant.suspended', 'user.invited'].sort(),
        );
        expect(audit[0]?.actorId).toBe(`cli:${os.userInfo().username}`);
        expect(JSON.stringify(audit)).not.toContain(licenceCode);
      });

      const reactivated = await ciao(['tenant:reactivate', '--code', code], env);
      expect(reactivated.code).toBe(0);
      await withApp(async (app) => {
        const back = await signIn(app, {
          companyCode: code,
          login: 'chef',
          password: 'le chef choisit ceci',
        });
        expect(back.response.statusCode).toBe(200);
      });
    },
  );

  it('explains mistakes with a non-zero exit code and the usage', { timeout: 300_000 }, async () => {
    const unknown = await ciao(['tenant:delete'], env);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('Unknown command "tenant:delete"');
    const missing = await ciao(['licence:issue', '--tenant', code], env);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('Missing --max-devices');
    const notANumber = await ciao(['licence:issue', '--tenant', code, '--max-devices', 'ten'], env);
    expect(notANumber.code).toBe(2);
    const noCompany = await ciao(['licence:issue', '--tenant', 'NOPE', '--max-devices', '2'], env);
    expect(noCompany.code).toBe(1);
    expect(noCompany.err).toContain('No company has the code NOPE.');
    const badNumber = await ciao(
      ['tenant:create', '--code', 'OTHER', '--name', 'Other', '--enterprise-number', '0203.201.341'],
      env,
    );
    expect(badNumber.code).toBe(1);
    expect(badNumber.err).toContain('enterprise-number');
    const help = await ciao(['--help'], env);
    expect(help.code).toBe(0);
    expect(help.out).toContain('admin:invite');
  });
});
