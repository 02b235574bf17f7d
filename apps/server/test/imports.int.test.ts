import { IMPORT_MAX_ROWS } from '@ciao/domain';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agents, auditLog, clients, sites, webUsers } from '../src/db/schema/index.js';
import { createSubcontractor, createTenant, createWebUser, webSessionFor } from './support/factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { asUser, type WebSession } from './support/web-client.js';

const csv = (...lines: string[]) => `${lines.join('\r\n')}\r\n`;

describe('CSV imports', () => {
  let subject: TestApp;
  beforeAll(async () => {
    subject = await createTestApp();
  });
  afterAll(async () => {
    await subject.close();
  });
  const db = () => subject.app.ctx.db;

  async function company(role = 'ADMIN') {
    const tenant = await createTenant(db());
    const { session } = await webSessionFor(subject.app, tenant.id, role);
    return { tenant, session };
  }

  const send = (session: WebSession, kind: string, mode: 'dry-run' | 'apply', body: string) =>
    asUser(subject.app, session, {
      method: 'POST',
      url: `/api/imports/${kind}?mode=${mode}`,
      headers: { 'content-type': 'text/csv; charset=utf-8' },
      payload: body,
    });

  const agentsOf = (tenantId: string) =>
    db().select().from(agents).where(eq(agents.tenantId, tenantId)).orderBy(asc(agents.identifier));

  it('reports every bad line of a dry run with its line, column and reason, and writes nothing', async () => {
    const { tenant, session } = await company();
    await createSubcontractor(db(), tenant.id, { name: 'Sparkle', enterpriseNumber: '0777234571' });
    const file = csv(
      'identifier;firstName;lastName;niss;employer;activeFrom;mobileAccess;language',
      'JDUPONT;Jean;Dupont;85.07.30-033.28;;01/12/2026;oui;fr',
      'MPEETERS;Marie;;85073003329;Nobody;2026-13-01;maybe;xx',
      '',
      'ok.two;Ana;Lopez;;0777.234.571;;;nl',
      'bad id!;Luc;Martin;;Sparkle;;;',
    );
    const response = await send(session, 'agents', 'dry-run', file);
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json();
    expect(report).toMatchObject({
      kind: 'agents',
      mode: 'dry-run',
      delimiter: ';',
      rowCount: 4,
      valid: false,
    });
    expect(
      report.problems.map((p: { line: number; field: string; code: string }) => [p.line, p.field, p.code]),
    ).toEqual([
      [3, 'lastName', 'REQUIRED'],
      [3, 'niss', 'NISS_CHECK_DIGITS'],
      [3, 'employer', 'SUBCONTRACTOR_NOT_FOUND'],
      [3, 'language', 'INVALID_VALUE'],
      [3, 'activeFrom', 'INVALID_DATE'],
      [3, 'mobileAccess', 'INVALID_BOOLEAN'],
      [6, 'identifier', 'INVALID_FORMAT'],
    ]);
    for (const problem of report.problems) expect(problem.message).not.toBe('');
    expect(await agentsOf(tenant.id)).toEqual([]);

    // The same file applied: refused as a whole with the same report, still nothing written.
    const applied = await send(session, 'agents', 'apply', file);
    expect(applied.statusCode, applied.body).toBe(422);
    expect(applied.headers['content-type']).toContain('application/problem+json');
    expect(applied.json()).toMatchObject({ code: 'IMPORT_INVALID', valid: false, created: 0, mode: 'apply' });
    expect(applied.json().problems).toEqual(report.problems);
    expect(await agentsOf(tenant.id)).toEqual([]);
  });

  it('applies a good file in one go: agents with their users, the employer, one audit row each', async () => {
    const { tenant, session } = await company();
    const sparkle = await createSubcontractor(db(), tenant.id, {
      name: 'Sparkle',
      enterpriseNumber: '0777234571',
    });
    const file = csv(
      'identifier,firstName,lastName,niss,employer,activeFrom,mobileAccess',
      'jdupont,Jean,Dupont,85.07.30-033.28,,2026-12-01,true',
      'apeeters,"Peeters, Anne",Peeters,,Sparkle,,',
    );
    const dryRun = await send(session, 'agents', 'dry-run', file);
    expect(dryRun.json()).toMatchObject({
      valid: true,
      problems: [],
      created: 0,
      rowCount: 2,
      delimiter: ',',
    });
    expect(await agentsOf(tenant.id)).toEqual([]);

    const response = await send(session, 'agents', 'apply', file);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ mode: 'apply', valid: true, created: 2, problems: [] });
    const created = await agentsOf(tenant.id);
    expect(
      created.map((agent) => [
        agent.identifier,
        agent.firstName,
        agent.niss,
        agent.subcontractorId,
        agent.mobileAccess,
      ]),
    ).toEqual([
      ['APEETERS', 'Peeters, Anne', null, sparkle.id, false],
      ['JDUPONT', 'Jean', '85073003328', null, true],
    ]);
    expect(created[1]!.activeFrom).toBe('2026-12-01');
    const users = await db().select().from(webUsers).where(eq(webUsers.tenantId, tenant.id));
    expect(
      users
        .filter((user) => user.agentId)
        .map((user) => user.login)
        .sort(),
    ).toEqual(['apeeters', 'jdupont']);
    const audit = await db().select().from(auditLog).where(eq(auditLog.tenantId, tenant.id));
    expect(
      audit
        .filter((row) => row.action === 'agent.created')
        .map((row) => row.entityId)
        .sort(),
    ).toEqual(created.map((agent) => agent.id).sort());
    expect(audit.find((row) => row.action === 'import.applied')?.after).toEqual({
      kind: 'agents',
      rowCount: 2,
      created: 2,
    });

    // The same file again: every line now clashes with the database.
    const again = await send(session, 'agents', 'dry-run', file);
    expect(again.json().problems.map((p: { line: number; code: string }) => [p.line, p.code])).toEqual([
      [2, 'DUPLICATE_IDENTIFIER'],
      [2, 'DUPLICATE_NISS'],
      [3, 'DUPLICATE_IDENTIFIER'],
    ]);
  });

  it('finds duplicates inside the file: identifier, app identifier, NISS', async () => {
    const { tenant, session } = await company();
    const file = csv(
      'identifier;firstName;lastName;niss;mobileIdentifier',
      'A1;Jean;Dupont;85073003328;',
      'a1;Jan;Dupont;;',
      'B2;Anne;Peeters;85.07.30-033.28;',
      'C3;Luc;Martin;;A1',
    );
    const response = await send(session, 'agents', 'apply', file);
    expect(response.statusCode).toBe(422);
    expect(
      response
        .json()
        .problems.map((p: { line: number; field: string; code: string; message: string }) => [
          p.line,
          p.field,
          p.code,
          p.message,
        ]),
    ).toEqual([
      [3, 'identifier', 'DUPLICATE_IN_FILE', 'the same identifier is already on line 2 of the file'],
      [4, 'niss', 'DUPLICATE_IN_FILE', 'the same niss is already on line 2 of the file'],
      [
        5,
        'mobileIdentifier',
        'DUPLICATE_IN_FILE',
        'the same app identifier is already on line 2 of the file',
      ],
    ]);
    expect(await agentsOf(tenant.id)).toEqual([]);
  });

  it('gives each imported agent a free login, even when its identifier is taken as a login', async () => {
    const { tenant, session } = await company();
    await createWebUser(db(), tenant.id, { login: 'kim' });
    const response = await send(
      session,
      'agents',
      'apply',
      csv('identifier;firstName;lastName', 'KIM;Kim;Nguyen', 'KIM-2;Kim;Tran', 'LEA;Léa;Martin'),
    );
    expect(response.statusCode, response.body).toBe(200);
    const users = await db()
      .select({ login: webUsers.login, agentId: webUsers.agentId })
      .from(webUsers)
      .where(eq(webUsers.tenantId, tenant.id));
    const created = await agentsOf(tenant.id);
    const loginOf = (identifier: string) =>
      users.find((user) => user.agentId === created.find((agent) => agent.identifier === identifier)?.id)
        ?.login;
    // "kim-2" is KIM-2's own login: KIM, whose "kim" is taken, gets the next one.
    expect([loginOf('KIM'), loginOf('KIM-2'), loginOf('LEA')]).toEqual(['kim-3', 'kim-2', 'lea']);
  });

  it('applies the rights of one creation to every line: ADM agents and credentials', async () => {
    const { tenant, session } = await company('HR_MANAGER');
    const response = await send(
      session,
      'agents',
      'dry-run',
      csv('identifier;firstName;lastName;agentType', 'BOSS;Anne;Peeters;adm', 'FIELD2;Luc;Martin;FIELD'),
    );
    expect(response.json().problems).toEqual([
      { line: 2, field: 'agentType', code: 'RESTRICTED_AGENT_TYPE', message: expect.any(String) },
    ]);
    expect(await agentsOf(tenant.id)).toEqual([]);
  });

  it('reads a Belgian Excel file (BOM, ;, decimal commas) and imports clients then their sites', async () => {
    const { tenant, session } = await company();
    const clientsFile = `\uFEFF${csv(
      'Name;Reference;EnterpriseNumber;street;houseNumber;postCode;municipality',
      'Immo Louise;IL-01;0203.201.340;Avenue Louise;231;1050;Ixelles',
      '"Résidence ""Les Tilleuls""";RT-7;;;;;',
    )}`;
    const clientsApplied = await send(session, 'clients', 'apply', clientsFile);
    expect(clientsApplied.statusCode, clientsApplied.body).toBe(200);
    expect(clientsApplied.json()).toMatchObject({ created: 2, delimiter: ';' });
    const stored = await db()
      .select()
      .from(clients)
      .where(eq(clients.tenantId, tenant.id))
      .orderBy(asc(clients.name));
    expect(stored.map((client) => [client.name, client.enterpriseNumber, client.postCode])).toEqual([
      ['Immo Louise', '0203201340', '1050'],
      ['Résidence "Les Tilleuls"', null, null],
    ]);

    const sitesFile = `\uFEFF${csv(
      'client;name;latitude;longitude;geofenceRadiusMeters;workDeclarationNumber',
      'IL-01;Louise 231;50,8275;4,3653;;1Y102M7NZF7PZ',
      'Résidence "Les Tilleuls";Hall;;;200;',
      'Nobody;Somewhere;50,1;;;',
      'il-01;louise 231;;;;',
    )}`;
    const dryRun = await send(session, 'sites', 'dry-run', sitesFile);
    expect(
      dryRun
        .json()
        .problems.map((p: { line: number; field: string; code: string }) => [p.line, p.field, p.code]),
    ).toEqual([
      [4, 'client', 'CLIENT_NOT_FOUND'],
      [4, 'longitude', 'COORDINATES_INCOMPLETE'],
      [5, 'name', 'DUPLICATE_IN_FILE'],
    ]);
    const good = `\uFEFF${csv(
      'client;name;latitude;longitude;geofenceRadiusMeters;workDeclarationNumber',
      'IL-01;Louise 231;50,8275;4,3653;;1Y102M7NZF7PZ',
      'Résidence "Les Tilleuls";Hall;;;200;',
    )}`;
    const applied = await send(session, 'sites', 'apply', good);
    expect(applied.statusCode, applied.body).toBe(200);
    const storedSites = await db()
      .select()
      .from(sites)
      .where(eq(sites.tenantId, tenant.id))
      .orderBy(asc(sites.name));
    expect(
      storedSites.map((site) => [
        site.name,
        site.clientId,
        site.latitude,
        site.geofenceRadiusMeters,
        site.workDeclarationNumber,
      ]),
    ).toEqual([
      ['Hall', stored[1]!.id, null, 200, null],
      ['Louise 231', stored[0]!.id, 50.8275, 150, '1Y102M7NZF7PZ'],
    ]);
    const audited = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, tenant.id), eq(auditLog.action, 'site.created')));
    expect(audited).toHaveLength(2);

    // Clients already there are duplicates, by name and by reference.
    const again = await send(
      session,
      'clients',
      'dry-run',
      csv('name;reference', 'IMMO LOUISE;x', 'Other;rt-7'),
    );
    expect(again.json().problems.map((p: { line: number; code: string }) => [p.line, p.code])).toEqual([
      [2, 'DUPLICATE_NAME'],
      [3, 'DUPLICATE_REFERENCE'],
    ]);
  });

  it('names unknown and missing columns, and refuses an apply of such a file', async () => {
    const { session } = await company();
    const response = await send(session, 'sites', 'dry-run', csv('name;colour;name', 'Hall;red;Hall'));
    expect(response.statusCode).toBe(200);
    expect(
      response
        .json()
        .problems.map((p: { line: number; field: string; code: string }) => [p.line, p.field, p.code]),
    ).toEqual([
      [1, 'colour', 'UNKNOWN_COLUMN'],
      [1, 'client', 'MISSING_COLUMN'],
      [1, 'name', 'DUPLICATE_COLUMN'],
    ]);
    expect(response.json().problems[0].message).toContain('client, name, street');
    const applied = await send(session, 'clients', 'apply', csv('nom;reference', 'Immo;1'));
    expect(applied.statusCode).toBe(422);
    expect(applied.json().problems.map((p: { field: string }) => p.field)).toEqual(['nom', 'name']);
  });

  it('reports a line with a delimiter too many, and a file without lines', async () => {
    const { session } = await company();
    const shifted = await send(
      session,
      'clients',
      'dry-run',
      csv('name;reference', 'Immo;R1;extra', 'Good;R2'),
    );
    expect(shifted.json().problems).toEqual([
      { line: 2, field: null, code: 'TOO_MANY_CELLS', message: expect.stringContaining('3 cells') },
    ]);
    const empty = await send(session, 'clients', 'dry-run', csv('name;reference', '', ''));
    expect(empty.json().problems).toEqual([
      { line: 2, field: null, code: 'NO_ROWS', message: expect.any(String) },
    ]);
  });

  it('refuses a malformed file, too many lines and too large a body, writing nothing', async () => {
    const { tenant, session } = await company();
    const malformed = await send(session, 'clients', 'apply', csv('name;reference', 'Immo;"R1', 'Other;R2'));
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ code: 'CSV_MALFORMED' });
    const tooMany = await send(session, 'clients', 'dry-run', `name\n${'x\n'.repeat(IMPORT_MAX_ROWS + 1)}`);
    expect(tooMany.statusCode).toBe(422);
    expect(tooMany.json()).toMatchObject({ code: 'IMPORT_TOO_MANY_ROWS', maxRows: IMPORT_MAX_ROWS });
    const tooLarge = await send(session, 'clients', 'dry-run', `name\n${'x'.repeat(5 * 1024 * 1024)}\n`);
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json()).toMatchObject({ code: 'BODY_TOO_LARGE' });
    const empty = await send(session, 'clients', 'apply', '');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().code).toBe('CSV_MALFORMED');
    const notCsv = await asUser(subject.app, session, {
      method: 'POST',
      url: '/api/imports/clients?mode=apply',
      payload: { file: 'name\nImmo\n' },
    });
    expect(notCsv.statusCode).toBe(400);
    expect(notCsv.json().code).toBe('VALIDATION_FAILED');
    expect(await db().select().from(clients).where(eq(clients.tenantId, tenant.id))).toEqual([]);
  });

  it('takes the file as JSON too', async () => {
    const { tenant, session } = await company();
    const response = await asUser(subject.app, session, {
      method: 'POST',
      url: '/api/imports/clients?mode=apply',
      payload: { csv: 'name,reference\nImmo,R1\n' },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(await db().select().from(clients).where(eq(clients.tenantId, tenant.id))).toHaveLength(1);
  });

  it('refuses a role without the right to create that kind (403)', async () => {
    const { tenant, session } = await company('HR_MANAGER');
    const response = await send(session, 'clients', 'apply', csv('name', 'Immo'));
    expect(response.statusCode).toBe(403);
    const supervisor = await webSessionFor(subject.app, tenant.id, 'SUPERVISOR');
    expect(
      (await send(supervisor.session, 'agents', 'dry-run', csv('identifier;firstName;lastName'))).statusCode,
    ).toBe(403);
    expect(await db().select().from(clients).where(eq(clients.tenantId, tenant.id))).toEqual([]);
  });

  it('serves templates that a dry run accepts as they are', async () => {
    const { tenant, session } = await company();
    await db().insert(clients).values({ tenantId: tenant.id, name: 'Immo Louise', reference: 'IL-01' });
    for (const kind of ['agents', 'clients', 'sites'] as const) {
      const template = await asUser(subject.app, session, {
        method: 'GET',
        url: `/api/imports/${kind}/template.csv`,
      });
      expect(template.statusCode).toBe(200);
      expect(template.headers['content-type']).toContain('text/csv');
      expect(template.body.startsWith('\uFEFF')).toBe(true);
      expect(template.body.split('\r\n')).toHaveLength(3);
      // The template's example client is the one just made, under another name for the clients file.
      const body =
        kind === 'clients' ? template.body.replace('Immo Louise;IL-01', 'Immo Flagey;IF-02') : template.body;
      const dryRun = await send(session, kind, 'dry-run', body);
      expect(dryRun.json(), kind).toMatchObject({ valid: true, rowCount: 1 });
    }
  });
});
