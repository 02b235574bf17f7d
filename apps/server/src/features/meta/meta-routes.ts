import { metaResponse } from '@ciao/domain';
import type { MetaResponse } from '@ciao/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const metaRoutes =
  (meta: MetaResponse): FastifyPluginAsyncZod =>
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
