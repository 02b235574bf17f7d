import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

export const metaResponse = z.object({
  name: z.literal('ciao'),
  version: z.string().describe('Server version'),
  minimumAgentAppVersion: z
    .string()
    .describe('Agent apps older than this must update before registering (they show an update screen).'),
});

export const metaRoutes =
  (meta: z.infer<typeof metaResponse>): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/meta',
      {
        schema: {
          tags: ['meta'],
          summary: 'Server name, version and the minimum agent app version',
          response: { 200: metaResponse },
        },
        config: { access: 'public' },
      },
      async () => meta,
    );
  };
