import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { insertRowsAsJson } from './insert-rows-as-json.js';
import { clockEvents } from './schema/index.js';

const row = (overrides: Partial<typeof clockEvents.$inferInsert> = {}): typeof clockEvents.$inferInsert => ({
  tenantId: '00000000-0000-4000-8000-000000000001',
  id: '00000000-0000-4000-8000-000000000002',
  agentId: '00000000-0000-4000-8000-000000000003',
  taskId: '00000000-0000-4000-8000-000000000004',
  siteId: '00000000-0000-4000-8000-000000000005',
  action: 'ARRIVE',
  direction: 'IN',
  deviceTime: new Date('2026-11-29T07:00:00Z'),
  latitude: 50.8275,
  longitude: 4.3653,
  accuracyMeters: 8,
  flags: ['LATE_SYNC'],
  contentHash: 'hash',
  ...overrides,
});

describe('insertRowsAsJson', () => {
  it('sends all rows as one JSON parameter, instants in ISO form and JSON columns as JSON', () => {
    const query = new PgDialect().sqlToQuery(
      insertRowsAsJson(clockEvents, [row(), row({ action: 'LEAVE' })]),
    );
    expect(query.params).toHaveLength(1);
    const documents = JSON.parse(query.params[0] as string);
    expect(documents).toHaveLength(2);
    expect(documents[0]).toMatchObject({ device_time: '2026-11-29T07:00:00.000Z', flags: ['LATE_SYNC'] });
    expect(documents[1].action).toBe('LEAVE');
    // Columns no row sets keep their SQL default (received_at defaults to now()).
    expect(query.sql).not.toContain('received_at');
    expect(query.sql).toContain('"device_time" timestamp with time zone');
  });

  it('refuses a column set in some rows only, which would silently become NULL in the others', () => {
    expect(() => insertRowsAsJson(clockEvents, [row({ appVersion: '1.0.0' }), row()])).toThrow(
      /appVersion is missing in some rows only/,
    );
  });
});
