import type { OnssBulkResult } from '@ciao/domain';

/** A bulk action's outcome: how many went through, and the refusals grouped by their code. */
export interface BulkSummary {
  done: number;
  refused: { code: string; count: number }[];
}

/** Example: `summarizeBulk({ results: [{ id, ok: true }, { id, ok: false, code: 'CONFLICT' }] })`. */
export function summarizeBulk(result: OnssBulkResult): BulkSummary {
  const refused = new Map<string, number>();
  let done = 0;
  for (const item of result.results) {
    if (item.ok) done += 1;
    else refused.set(item.code ?? 'UNKNOWN', (refused.get(item.code ?? 'UNKNOWN') ?? 0) + 1);
  }
  return {
    done,
    refused: [...refused].map(([code, count]) => ({ code, count })).sort((a, b) => b.count - a.count),
  };
}
