import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { openDatabase, type Database } from '../src/db/client.js';
import { auditLog, tenants } from '../src/db/schema/index.js';
import { createSecretBox } from '../src/security/secret-box.js';
import { testConfig } from './support/test-app.js';
import { webSessionFor } from './support/factories.js';
import { asUser, signIn } from './support/web-client.js';
import { runCli as ciao } from './support/cli-process.js';

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

  it(
    're-issues a code keeping the phones, lists and answers licence requests, creates and resets an operator',
    { timeout: 600_000 },
    async () => {
      const other = `${code}R`;
      expect((await ciao(['tenant:create', '--code', other, '--name', 'Reprise SRL'], env)).code).toBe(0);
      const issued = await ciao(['licence:issue', '--tenant', other, '--max-devices', '2'], env);
      const oldCode = /Code \(shown only now, keep it safe\): ([A-Z0-9-]+)/.exec(issued.out)![1]!;

      const requestIds = await withApp(async (app) => {
        expect((await activate(app, oldCode)).statusCode).toBe(200);
        const [tenant] = await app.ctx.db.select().from(tenants).where(eq(tenants.code, other));
        const admin = await webSessionFor(app, tenant!.id, 'ADMIN');
        const ids: string[] = [];
        for (const reason of ['Nouvelle équipe', 'Encore des téléphones']) {
          const asked = await asUser(app, admin.session, {
            method: 'POST',
            url: '/api/licence-requests',
            payload: { reason, maxDevices: 4 },
          });
          expect(asked.statusCode).toBe(201);
          ids.push(asked.json().id as string);
        }
        return ids;
      });

      const reissued = await ciao(
        ['licence:reissue', '--tenant', other, '--licence', oldCode.slice(-4)],
        env,
      );
      expect(reissued.err).toBe('');
      expect(reissued.out).toContain('The 1 device(s) already activated keep working.');
      const newCode = /New code \(shown only now, keep it safe\): ([A-Z0-9-]+)/.exec(reissued.out)?.[1];
      expect(newCode).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);

      const listed = await ciao(['licence:requests', '--status', 'open', '--json'], env);
      expect(listed.code).toBe(0);
      expect(
        JSON.parse(listed.out)
          .map((row: { id: string }) => row.id)
          .sort(),
      ).toEqual([...requestIds].sort());

      const refused = await ciao(
        ['licence:answer', '--request', requestIds[0]!, '--refuse', '--reason', 'Quota atteint'],
        env,
      );
      expect(refused.code).toBe(0);
      expect(refused.out).toContain('refused');
      const answered = await ciao(
        ['licence:answer', '--request', requestIds[1]!, '--issue', '--max-devices', '3'],
        env,
      );
      expect(answered.code).toBe(0);
      const answerCode = /Code \(shown only now, keep it safe\): ([A-Z0-9-]+)/.exec(answered.out)?.[1];
      expect(answerCode).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
      const twice = await ciao(
        ['licence:answer', '--request', requestIds[1]!, '--refuse', '--reason', 'x y z'],
        env,
      );
      expect(twice.code).toBe(1);
      expect(twice.err).toContain('already been answered');
      const neither = await ciao(['licence:answer', '--request', requestIds[1]!], env);
      expect(neither.code).toBe(2);

      const created = await ciao(['operator:create', 'Ops@Example.be', '--name', 'Olivier'], env);
      expect(created.code).toBe(0);
      expect(created.out).toMatch(/https:\/\/ciao\.example\.be\/platform\/set-password\?token=\S+/);
      const duplicate = await ciao(['operator:create', 'ops@example.be'], env);
      expect(duplicate.code).toBe(1);
      const reset = await ciao(['operator:reset', 'ops@example.be'], env);
      expect(reset.code).toBe(0);
      const link = /single use\): (\S+)/.exec(reset.out)![1]!;

      await withApp(async (app) => {
        // The old code activates nothing, the new one and the answer's do; the phone stayed in.
        expect((await activate(app, oldCode)).json().code).toBe('LICENCE_INVALID');
        expect((await activate(app, newCode!)).statusCode).toBe(200);
        expect((await activate(app, answerCode!)).statusCode).toBe(200);
        const [tenant] = await app.ctx.db.select().from(tenants).where(eq(tenants.code, other));
        const admin = await webSessionFor(app, tenant!.id, 'ADMIN');
        const mine = await asUser(app, admin.session, { method: 'GET', url: '/api/licence-requests' });
        expect(
          mine
            .json()
            .items.map((item: { status: string }) => item.status)
            .sort(),
        ).toEqual(['answered', 'refused']);
        const token = new URL(link).searchParams.get('token');
        const set = await app.inject({
          method: 'POST',
          url: '/api/platform/auth/password',
          payload: { token, password: 'operator passphrase' },
        });
        expect(set.statusCode).toBe(200);
        const signIn = await app.inject({
          method: 'POST',
          url: '/api/platform/auth/sign-in',
          payload: { email: 'OPS@example.be', password: 'operator passphrase' },
        });
        expect(signIn.json()).toMatchObject({ stage: 'enrolment_required' });
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
