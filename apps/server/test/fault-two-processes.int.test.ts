import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createSecretBox } from '../src/security/secret-box.js';
import {
  checkLedger,
  checkOnssExactlyOnce,
  FAULT_SECRET_KEY,
  runDevices,
  startFaultStack,
  summarise,
  waitForOutboxDrained,
  type FaultStack,
} from './support/fault-load.js';
import { findPostgresBinDir, freePort } from './support/postgres-cluster.js';
import { startSmtpSink } from './support/smtp-sink.js';

// Two server processes on a throwaway cluster of their own, on the PostgreSQL run only.
const binDir = inject('databaseKind') === 'postgres' ? findPostgresBinDir() : undefined;

/** A company's webhook endpoint: counts each event id it is sent, answers 200. */
async function startWebhookReceiver() {
  const received = new Map<string, number>();
  const server = http.createServer((request, response) => {
    const id = String(request.headers['ciao-webhook-id']);
    request.resume();
    request.on('end', () => {
      received.set(id, (received.get(id) ?? 0) + 1);
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const until = async (condition: () => Promise<boolean>, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return true;
};

describe.runIf(binDir)(
  'fault: two API processes on one PostgreSQL (PostgreSQL run only: skipped on PGlite)',
  () => {
    let stack: FaultStack;
    let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
    let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
    beforeAll(async () => {
      [stack, receiver, smtp] = await Promise.all([
        startFaultStack(binDir!, 50),
        startWebhookReceiver(),
        startSmtpSink(),
      ]);
    }, 120_000);
    afterAll(async () => {
      await stack?.close();
      await receiver?.close();
      await smtp?.close();
    });

    it('sends each ONSS registration, webhook and e-mail once although both processes run every worker', async ({
      annotate,
    }) => {
      const { client, world } = stack;
      await client.query(
        `insert into webhook_subscriptions (tenant_id, url, events, secret_encrypted) values ($1, $2, '["registration.created"]', $3)`,
        [
          world.tenantId,
          receiver.url,
          createSecretBox(Buffer.from(FAULT_SECRET_KEY, 'hex')).seal('whsec_fault_test_secret'),
        ],
      );
      const emails = 100;
      await client.query(
        `insert into email_outbox (tenant_id, to_address, template, language, subject, text_body, html_body)
       select $1, 'rh@example.be', 'fault-test', 'fr', 'fault ' || g, 'text ' || g, '<p>html ' || g || '</p>'
       from generate_series(1, $2::int) as g`,
        [world.tenantId, emails],
      );
      const mail = { SMTP_URL: smtp.url, MAIL_FROM: 'ciao <no-reply@example.be>' };
      const secondPort = await freePort();
      const [a, b] = await Promise.all([
        stack.startServer(mail),
        stack.startServer({ ...mail, PORT: String(secondPort) }),
      ]);

      let stop = false;
      const startAt = Math.floor(Date.now() / 1000) * 1000 - 86_400_000;
      const [onA, onB] = await Promise.all([
        runDevices({
          base: stack.base,
          world: { ...world, agents: world.agents.slice(0, 25) },
          devices: 25,
          stop: () => stop,
          startAt,
        }),
        runDevices({
          base: `http://127.0.0.1:${secondPort}`,
          world: { ...world, agents: world.agents.slice(25) },
          devices: 25,
          stop: () => stop,
          startAt: startAt + 30_000,
        }),
        new Promise((resolve) => setTimeout(resolve, 8_000)).then(() => (stop = true)),
      ]);
      const accepted = new Set([...onA.accepted, ...onB.accepted]);
      expect(onA.accepted.size).toBeGreaterThan(10);
      expect(onB.accepted.size).toBeGreaterThan(10);
      expect([...onA.refused, ...onB.refused]).toEqual([]);

      const ledger = await checkLedger(client, world, accepted);
      expect(ledger).toMatchObject({
        lost: [],
        duplicates: 0,
        agentsWithTwoOpenSessions: 0,
        outboxMismatches: 0,
      });
      expect(ledger.stored).toBe(accepted.size);

      expect(await waitForOutboxDrained(client, world, 60_000)).toBe(true);
      const onss = await checkOnssExactlyOnce(client, world, stack.simulator, stack.clientId);
      expect(onss).toEqual({ rows: ledger.outboxRows, unsent: 0, sentTwice: 0, strangers: 0 });

      // One webhook per registration, delivered once.
      const delivered = await until(async () => {
        const { rows } = await client.query<{ n: number }>(
          `select count(*)::int as n from webhook_deliveries where tenant_id = $1 and status = 'delivered'`,
          [world.tenantId],
        );
        return rows[0]!.n >= accepted.size;
      }, 60_000);
      expect(delivered).toBe(true);
      expect(receiver.received.size).toBe(accepted.size);
      expect([...receiver.received.values()].filter((copies) => copies > 1)).toEqual([]);

      // Every queued e-mail reached the SMTP server once.
      expect(await until(async () => smtp.received.length >= emails, 60_000)).toBe(true);
      const subjects = smtp.received.map((message) => message.subject);
      expect(new Set(subjects).size).toBe(emails);
      expect(subjects).toHaveLength(emails);
      const { rows: unsent } = await client.query<{ n: number }>(
        `select count(*)::int as n from email_outbox where status <> 'sent'`,
      );
      expect(unsent[0]!.n).toBe(0);

      await annotate(
        `two processes: ${JSON.stringify({
          throughA: summarise(onA),
          throughB: summarise(onB),
          onss,
          webhooks: receiver.received.size,
          emails: subjects.length,
        })}`,
      );
      a.child.kill('SIGTERM');
      b.child.kill('SIGTERM');
      expect(await a.exited).toBe(0);
      expect(await b.exited).toBe(0);
    }, 180_000);
  },
);
