import { Writable } from 'node:stream';
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

  it('logs request paths without their query string', () => {
    const { logger, output } = capture();
    logger.info({ req: { id: 'r1', method: 'GET', url: '/api/agents?search=85073003328' } }, 'request');
    expect(output()).toContain('/api/agents');
    expect(output()).not.toContain('85073003328');
  });
});
