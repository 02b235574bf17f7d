import { metaResponse } from '@ciao/domain';
import type { MetaResponse } from '@ciao/domain';
import { fetchJson } from '../../../lib/fetch-json';

/** `GET /api/meta`: the server's version and the oldest agent app it accepts. */
export async function getMeta(signal?: AbortSignal): Promise<MetaResponse> {
  const { data } = await fetchJson('/api/meta', metaResponse, { signal });
  return data;
}
