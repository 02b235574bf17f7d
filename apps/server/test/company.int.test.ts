import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, tenants } from '../src/db/schema/index.js';
import { createTenantWorld, sessionFor } from './support/rights-world.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { asUser, type WebSession } from './support/web-client.js';

describe('company settings', () => {
  let subject: TestApp;
  beforeAll(async () => {
    subject = await createTestApp();
  });
  afterAll(async () => {
    await subject.close();
  });

  async function company() {
    const world = await createTenantWorld(subject.app);
    const admin = await sessionFor(subject.app, world, 'ADMIN');
    return { world, admin };
  }

  const send = (session: WebSession, method: 'GET' | 'PATCH', payload?: object) =>
    asUser(subject.app, session, { method, url: '/api/company', payload });

  it('shows the company with the defaults of settings never set', async () => {
    const { world, admin } = await company();
    const shown = await send(admin, 'GET');
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toEqual({
      id: world.tenant.id,
      code: world.tenant.code,
      name: world.tenant.name,
      enterpriseNumber: '0412345614',
      onssEmployerNumber: null,
      timeZone: 'Europe/Brussels',
      defaultLanguage: 'fr',
      settings: {
        defaultGeofenceRadiusMeters: 150,
        blockOutsideGeofence: false,
        maxEventAgeDays: 7,
        requireTwoFactorForAdmins: false,
        anomalyThresholds: {},
      },
      updatedAt: expect.any(String),
    });
  });

  it('changes identity and settings, normalising the numbers, and audits what changed', async () => {
    const { world, admin } = await company();
    await send(admin, 'PATCH', {
      settings: { anomalyThresholds: { maxBreakMinutes: 45, lateSyncHours: 12 } },
    });
    const changed = await send(admin, 'PATCH', {
      name: 'Clean-Up SA',
      enterpriseNumber: 'BE 0203.201.340',
      onssEmployerNumber: '1234567-49',
      timeZone: 'Europe/Amsterdam',
      defaultLanguage: 'nl',
      code: 'HACKED',
      settings: {
        maxEventAgeDays: 3,
        blockOutsideGeofence: true,
        anomalyThresholds: { maxBreakMinutes: 30 },
      },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({
      code: world.tenant.code,
      name: 'Clean-Up SA',
      enterpriseNumber: '0203201340',
      onssEmployerNumber: '123456749',
      timeZone: 'Europe/Amsterdam',
      defaultLanguage: 'nl',
      settings: {
        defaultGeofenceRadiusMeters: 150,
        blockOutsideGeofence: true,
        maxEventAgeDays: 3,
        anomalyThresholds: { maxBreakMinutes: 30 },
      },
    });
    const [row] = await subject.app.ctx.db.select().from(tenants).where(eq(tenants.id, world.tenant.id));
    expect(row?.code).toBe(world.tenant.code);
    const audits = await subject.app.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, world.tenant.id), eq(auditLog.action, 'company.updated')))
      .orderBy(asc(auditLog.id));
    expect(audits).toHaveLength(2);
    expect(audits[1]).toMatchObject({
      entityType: 'tenant',
      entityId: world.tenant.id,
      before: { name: world.tenant.name, enterpriseNumber: '0412345614', onssEmployerNumber: null },
      after: { name: 'Clean-Up SA', enterpriseNumber: '0203201340', onssEmployerNumber: '123456749' },
    });
    expect(audits[1]!.after).not.toHaveProperty('code');
    // Clearing the ONSS number is allowed (blank or null).
    expect((await send(admin, 'PATCH', { onssEmployerNumber: ' ' })).json().onssEmployerNumber).toBeNull();
  });

  it('names each invalid field with its code', async () => {
    const { admin } = await company();
    const numbers = await send(admin, 'PATCH', {
      enterpriseNumber: '0203.201.341',
      onssEmployerNumber: '1234567-48',
    });
    expect(numbers.statusCode).toBe(400);
    expect(numbers.json().errors).toEqual([
      expect.objectContaining({ path: 'enterpriseNumber', code: 'ENTERPRISE_NUMBER_CHECK_DIGITS' }),
      expect.objectContaining({ path: 'onssEmployerNumber', code: 'EMPLOYER_NUMBER_CHECK_DIGITS' }),
    ]);
    const format = await send(admin, 'PATCH', { enterpriseNumber: '12345' });
    expect(format.json().errors[0].code).toBe('ENTERPRISE_NUMBER_FORMAT');
    const fields = await send(admin, 'PATCH', {
      timeZone: 'Mars/Olympus',
      defaultLanguage: 'es',
      settings: {
        defaultGeofenceRadiusMeters: 5,
        maxEventAgeDays: 31,
        anomalyThresholds: { maxBreakMinutes: -1 },
      },
    });
    expect(fields.statusCode).toBe(400);
    expect(
      fields
        .json()
        .errors.map((error: { path: string }) => error.path)
        .sort(),
    ).toEqual([
      'defaultLanguage',
      'settings.anomalyThresholds.maxBreakMinutes',
      'settings.defaultGeofenceRadiusMeters',
      'settings.maxEventAgeDays',
      'timeZone',
    ]);
    const offset = await send(admin, 'PATCH', { timeZone: '+01:00' });
    expect(offset.json().errors[0].path).toBe('timeZone');
    expect((await send(admin, 'GET')).json().timeZone).toBe('Europe/Brussels');
  });

  it('is readable by every back-office role and changed by administrators only', async () => {
    const { world } = await company();
    for (const role of ['ADMIN_MANAGER', 'HR_MANAGER', 'SUPERVISOR', 'INSPECTOR'] as const) {
      const session = await sessionFor(subject.app, world, role);
      expect((await send(session, 'GET')).statusCode).toBe(200);
      const refused = await send(session, 'PATCH', { name: 'Mine now' });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().code).toBe('FORBIDDEN');
    }
    const other = await company();
    const own = await send(other.admin, 'GET');
    expect(own.json().code).toBe(other.world.tenant.code);
  });

  it('requiring two-factor sign-in for administrators applies at their next request', async () => {
    const { admin } = await company();
    const on = await send(admin, 'PATCH', { settings: { requireTwoFactorForAdmins: true } });
    expect(on.json().settings.requireTwoFactorForAdmins).toBe(true);
    const next = await send(admin, 'GET');
    expect(next.statusCode).toBe(403);
    expect(next.json().code).toBe('SECOND_FACTOR_ENROLMENT_REQUIRED');
  });
});
