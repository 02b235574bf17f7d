import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClockWorld } from './support/clock-world.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('GET /metrics (Prometheus)', () => {
  let open: TestApp;
  let guarded: TestApp;
  beforeAll(async () => {
    [open, guarded] = await Promise.all([
      createTestApp(),
      createTestApp({ metricsToken: 'a-long-enough-metrics-token' }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([open.close(), guarded.close()]);
  });

  it('reports requests by route pattern, outbox depth, ONSS outcomes, anomalies and live boards', async () => {
    const world = await createClockWorld(open.app);
    const arrival = await world.send(world.event('ARRIVE', { deviceTime: world.minutesAgo(1) }));
    expect(arrival.statusCode).toBe(201);
    await open.app.inject({ method: 'GET', url: `/api/agents/${world.agent.id}` });

    const response = await open.app.inject({ method: 'GET', url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/plain');
    const text = response.body;
    expect(text).toMatch(
      /ciao_http_request_duration_seconds_count\{method="POST",route="\/api\/agent\/v1\/clock-events",status="2xx"\} 1/,
    );
    // Ids never become labels: the route is its pattern.
    expect(text).toContain('route="/api/agents/:agentId"');
    expect(text).not.toContain(world.agent.id);
    expect(text).toMatch(/ciao_outbox_pending\{outbox="onss",status="to_send"\} [1-9]/);
    expect(text).toMatch(/ciao_outbox_oldest_due_seconds\{outbox="onss",status="to_send"\} \d/);
    expect(text).toContain('ciao_live_board_clients 0');
    expect(text).toContain('ciao_registrations_waiting 0');
    expect(text).toContain('# TYPE ciao_onss_results_total counter');
    expect(text).toContain('# TYPE ciao_anomalies_open gauge');
    expect(text).toContain('ciao_process_resident_memory_bytes');
  });

  it('answers only this machine without a token, and only the token holder with one', async () => {
    const remote = await open.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '10.1.2.3' });
    expect(remote.statusCode).toBe(403);
    expect(remote.json().detail).toMatch(/METRICS_TOKEN/);

    const anonymous = await guarded.app.inject({ method: 'GET', url: '/metrics' });
    expect(anonymous.statusCode).toBe(403);
    const wrong = await guarded.app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: 'Bearer not-the-metrics-token!' },
    });
    expect(wrong.statusCode).toBe(403);
    const right = await guarded.app.inject({
      method: 'GET',
      url: '/metrics',
      remoteAddress: '10.1.2.3',
      headers: { authorization: 'Bearer a-long-enough-metrics-token' },
    });
    expect(right.statusCode).toBe(200);
  });
});
