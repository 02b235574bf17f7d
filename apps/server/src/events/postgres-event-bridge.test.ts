import { describe, expect, it } from 'vitest';
import type { AppEventMap } from './app-events.js';
import { envelopes } from './postgres-event-bridge.js';

const recorded = (index: number): ['clock_event.recorded', AppEventMap['clock_event.recorded']] => [
  'clock_event.recorded',
  {
    tenantId: '3f0c6b52-7a83-4c1e-9a55-0b1e6f7c2d11',
    agentId: '8d1e2f3a-4b5c-4d6e-8f70-112233445566',
    taskId: '0a1b2c3d-4e5f-4a6b-8c7d-8e9f00112233',
    siteId: '5f4e3d2c-1b0a-4f9e-8d7c-6b5a49382716',
    clockEventId: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    action: 'ARRIVE',
    deviceTime: '2026-11-30T05:35:00.000Z',
    state: 'WORKING',
  },
];

describe('NOTIFY payloads of the event bridge', () => {
  it('packs events into as few payloads as fit under the limit, in order, none lost', () => {
    const events = Array.from({ length: 200 }, (_, index) => recorded(index));
    const payloads = envelopes('process-1', events);
    expect(payloads.length).toBeGreaterThan(1);
    for (const payload of payloads) expect(Buffer.byteLength(payload)).toBeLessThan(8000);
    const decoded = payloads.flatMap((payload) => {
      const envelope = JSON.parse(payload) as { p: string; e: unknown[] };
      expect(envelope.p).toBe('process-1');
      return envelope.e;
    });
    expect(decoded).toEqual(events);
  });

  it('sends a handful of events in one payload', () => {
    expect(envelopes('p', [recorded(1), recorded(2)])).toHaveLength(1);
    expect(envelopes('p', [])).toEqual([]);
  });
});
