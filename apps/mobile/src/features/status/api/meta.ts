import { z } from 'zod';
import { fetchJson } from '../../../lib/fetch-json';

/** `GET /api/meta`: who answers (always `ciao`), its version and the oldest agent app it accepts. */
export const metaSchema = z.object({
  name: z.literal('ciao'),
  version: z.string().min(1),
  minimumAgentAppVersion: z.string().min(1),
});

export type Meta = z.output<typeof metaSchema>;

export async function getMeta(signal?: AbortSignal): Promise<Meta> {
  const { data } = await fetchJson('/api/meta', metaSchema, { signal });
  return data;
}
