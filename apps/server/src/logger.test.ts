import { Writable } from 'node:stream';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { loggerOptions } from './logger.js';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: pino(loggerOptions('info'), stream), output: () => lines.join('') };
}

describe('log redaction', () => {
  it('never writes NISS, coordinates, passwords or tokens', () => {
    const { logger, output } = capture();
    logger.info(
      {
        niss: '85073003328',
        event: { latitude: 50.8275, longitude: 4.3653, agent: { password: 'hunter2-secret' } },
        body: { items: { token: 'opaque-token-value' } },
        req: { headers: { authorization: 'Bearer abc.def', cookie: 'ciao_session=xyz' } },
      },
      'registration received',
    );
    const text = output();
    expect(text).toContain('registration received');
    for (const secret of [
      '85073003328',
      '50.8275',
      '4.3653',
      'hunter2-secret',
      'opaque-token-value',
      'abc.def',
      'xyz',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('[redacted]');
  });

  it('redacts at any depth, in arrays and in child loggers', () => {
    const { logger, output } = capture();
    logger
      .child({ niss: '85073003328' })
      .warn({ sync: { items: [{ event: { position: { latitude: 50.8275, longitude: 4.3653 } } }] } }, 'sync');
    expect(output()).toContain('sync');
    expect(output()).not.toMatch(/85073003328|50\.8275|4\.3653/);
  });

  it('keeps a failed query’s text and never its values, in the error and in a message made from it', () => {
    const { logger, output } = capture();
    const cause = Object.assign(new Error('connection terminated unexpectedly'), { code: '57P01' });
    const failed = new DrizzleQueryError(
      'insert into clock_events select * from jsonb_to_recordset($1::jsonb)',
      ['[{"latitude":50.8275,"longitude":4.3653,"niss":"85073003328"}]'],
      cause,
    );
    logger.error({ err: failed }, 'database unavailable');
    logger.warn(`ONSS validity not fetched: ${failed.message}`);
    const text = output();
    expect(text).toContain('insert into clock_events');
    expect(text).toContain('connection terminated unexpectedly');
    expect(text).not.toMatch(/85073003328|50\.8275|4\.3653/);
  });

  it('leaves out the row PostgreSQL quotes in a refusal’s detail', () => {
    const { logger, output } = capture();
    const refused = Object.assign(new Error('null value in column "site_id" violates not-null constraint'), {
      code: '23502',
      detail: 'Failing row contains (85073003328, 50.8275, 4.3653, null).',
    });
    logger.warn({ err: refused }, 'value refused by the database');
    expect(output()).toContain('violates not-null constraint');
    expect(output()).not.toMatch(/85073003328|50\.8275/);
  });

  it('logs request paths without their query string', () => {
    const { logger, output } = capture();
    logger.info({ req: { id: 'r1', method: 'GET', url: '/api/agents?search=85073003328' } }, 'request');
    expect(output()).toContain('/api/agents');
    expect(output()).not.toContain('85073003328');
  });
});
