import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli as ciao } from './support/cli-process.js';

describe('retention:run', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ciao-retention-cli-'));
  });
  afterAll(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints what a dry run would remove per category, then runs the pass', async () => {
    const dry = await ciao(['retention:run', '--dry-run'], { DATA_DIR: dataDir });
    expect(dry.err).toBe('');
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('Dry run: nothing changed. Would remove:');
    expect(dry.out).toMatch(/positionsAnonymised\s+0/);
    expect(dry.out).toMatch(/auditEntries\s+0/);
    expect(dry.out).toMatch(/Cut-offs \(Brussels\): positions before \d{4}-\d{2}-\d{2}/);

    const run = await ciao(['retention:run', '--json'], {
      DATA_DIR: dataDir,
      RETENTION_POSITION_MONTHS: '6',
    });
    expect(run.code).toBe(0);
    const report = JSON.parse(run.out);
    expect(report).toMatchObject({ dryRun: false, counts: { workSessions: 0 }, keptAwaitingOnss: 0 });

    const refused = await ciao(['retention:run'], { DATA_DIR: dataDir, RETENTION_REGISTRATION_YEARS: '2' });
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('RETENTION_REGISTRATION_YEARS must be at least 5 years');
  }, 120_000);
});
