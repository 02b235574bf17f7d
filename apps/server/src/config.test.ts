import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('configuration', () => {
  it('defaults to the embedded database in ./data on port 3000', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ kind: 'pglite', dataDir: path.resolve('./data') });
    expect(config.logLevel).toBe('info');
  });

  it('uses PostgreSQL when DATABASE_URL is set', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://ciao:pw@db:5432/ciao' });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://ciao:pw@db:5432/ciao' });
  });

  it('lists every bad variable at once, naming each', () => {
    const problems = problemsOf({
      PORT: '70000',
      LOG_LEVEL: 'loud',
      DATABASE_URL: 'mysql://db/ciao',
      DEMO_DATA: 'maybe',
    });
    expect(problems).toHaveLength(4);
    expect(problems.join('\n')).toMatch(/^PORT .*65535/m);
    expect(problems.join('\n')).toMatch(/^LOG_LEVEL must be one of .*\(got "loud"\)/m);
    expect(problems.join('\n')).toMatch(/^DATABASE_URL must look like postgres:\/\//m);
    expect(problems.join('\n')).toMatch(/^DEMO_DATA must be auto, on or off/m);
  });

  it('never repeats a database password or the secret key in its messages', () => {
    const problems = problemsOf({
      DATABASE_URL: 'postgres://ciao:s3cret@db:5432/ciao x',
      SECRET_KEY: 'tooshort',
    });
    const text = problems.join('\n');
    expect(text).toContain('DATABASE_URL');
    expect(text).toContain('SECRET_KEY');
    expect(text).not.toContain('s3cret');
    expect(text).not.toContain('tooshort');
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', LOG_LEVEL: '' }).port).toBe(3000);
  });

  it('requires SECRET_KEY in production on PostgreSQL', () => {
    expect(problemsOf({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/ciao' })[0]).toMatch(
      /SECRET_KEY is required/,
    );
    expect(
      problemsOf({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/ciao', SECRET_KEY: 'a'.repeat(64) }),
    ).toEqual([]);
  });

  it('sends e-mail through SMTP_URL from MAIL_FROM, never repeating the SMTP password', () => {
    expect(loadConfig({}).mail).toEqual({ smtpUrl: undefined, from: undefined });
    expect(
      loadConfig({ SMTP_URL: 'smtp://ciao:pw@mail:587', MAIL_FROM: 'ciao <no-reply@example.be>' }).mail,
    ).toEqual({ smtpUrl: 'smtp://ciao:pw@mail:587', from: 'ciao <no-reply@example.be>' });
    expect(problemsOf({ SMTP_URL: 'smtp://mail:25' })[0]).toMatch(/MAIL_FROM is required with SMTP_URL/);
    const problems = problemsOf({ SMTP_URL: 'http://ciao:s3cret@mail', MAIL_FROM: 'x' }).join('\n');
    expect(problems).toMatch(/SMTP_URL must look like smtp:/);
    expect(problems).toMatch(/MAIL_FROM must be an address/);
    expect(problems).not.toContain('s3cret');
  });

  it('reads the retention policy, with defaults from the law and refusals below it', () => {
    expect(loadConfig({}).retention).toEqual({
      enabled: true,
      localTime: '03:30',
      policy: {
        positionMonths: 13,
        registrationYears: 7,
        auditYears: 10,
        deliveryDays: 30,
        notificationDays: 90,
        exportJobDays: 30,
        expiredAccessDays: 30,
        batchSize: 1000,
      },
    });
    const custom = loadConfig({
      RETENTION_POSITION_MONTHS: '6',
      RETENTION_JOB: 'off',
      RETENTION_LOCAL_TIME: '02:15',
    });
    expect(custom.retention).toMatchObject({
      enabled: false,
      localTime: '02:15',
      policy: { positionMonths: 6 },
    });
    const problems = problemsOf({ RETENTION_REGISTRATION_YEARS: '3', RETENTION_LOCAL_TIME: '25:00' });
    expect(problems.join('\n')).toMatch(/^RETENTION_REGISTRATION_YEARS must be at least 5 years/m);
    expect(problems.join('\n')).toMatch(/^RETENTION_LOCAL_TIME must be a time such as 03:30/m);
    expect(problemsOf({ RETENTION_AUDIT_YEARS: '7', RETENTION_REGISTRATION_YEARS: '8' })).toEqual([
      expect.stringMatching(
        /^RETENTION_AUDIT_YEARS \(7\) must be at least RETENTION_REGISTRATION_YEARS \(8\)/,
      ),
    ]);
  });
});
