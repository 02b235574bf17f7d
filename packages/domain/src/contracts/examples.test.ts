import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as contracts from './index.js';

// The examples of the OpenAPI document come from the contracts' metadata: each must be valid, or
// the documentation would teach integrators a request that fails or an answer that never comes.
describe('contract examples', () => {
  const withExamples = Object.entries(contracts).flatMap(([name, value]) => {
    if (!(value instanceof z.ZodType)) return [];
    const examples = (z.globalRegistry.get(value) as { examples?: unknown[] } | undefined)?.examples;
    return examples ? [{ name, schema: value, examples }] : [];
  });

  it('exist for the public API and the agent app answers', () => {
    const names = withExamples.map((entry) => entry.name);
    for (const expected of [
      'publicAgent',
      'publicRegistration',
      'publicCreateClientRequest',
      'agentSession',
      'agentTasksResponse',
    ])
      expect(names).toContain(expected);
  });

  it('each parse with their own schema', () => {
    const failures = withExamples.flatMap(({ name, schema, examples }) =>
      examples.flatMap((example, index) => {
        const result = schema.safeParse(example);
        return result.success ? [] : [`${name}[${index}]: ${result.error.message}`];
      }),
    );
    expect(failures).toEqual([]);
  });
});
